import Engine
import Foundation
import TUI

/// Pane 5: the workspace's Raman, XPS and XRD spectra, plotted with a cursor, and fitted with
/// peak models from the keyboard (range, background, components, fix/free, fit, undo). Files
/// are read and models fitted in background jobs through the engine `glovebox spectrum` uses,
/// so the pane's numbers are the CLI's.
public struct SpectraPane: Pane {
  public typealias Action = SpectraPaneAction
  public static let paneID = "spectra"
  public let id = SpectraPane.paneID
  public let title = "Spectra"
  public let workspace: String

  /// What undo and redo step through: the peak model (background, components, fixed flags)
  /// and the fit range.
  public struct Settings: Equatable, Sendable {
    public var model: PeakModel
    public var range: ClosedRange<Double>?
  }

  /// What takes the keys besides the pane itself.
  public enum Modal: Equatable, Sendable {
    case none
    /// The fit range typed as "LO HI" (in the spectrum's x unit).
    case rangeEditor(TextInput)
    /// One of the typed prompts of constraints, XRD and XPS (`SpectraPrompt`).
    case prompt(SpectraPrompt, TextInput)
  }

  public internal(set) var entries: [SpectraEntry] = []
  public internal(set) var unreadable: [String: String] = [:]
  public internal(set) var selected = 0
  public internal(set) var listing = FileListing()
  public internal(set) var settings = Settings(model: PeakModel(background: .polynomial(degree: 1)), range: nil)
  public internal(set) var backgroundName = "linear"
  public internal(set) var undoStack: [Settings] = []
  public internal(set) var redoStack: [Settings] = []
  public internal(set) var modal: Modal = .none
  /// The cursor's x, in the spectrum's unit (nil before a spectrum is shown).
  public internal(set) var cursor: Double?
  /// The visible x span (nil: the whole spectrum).
  public internal(set) var viewport: ClosedRange<Double>?
  /// The line shape `a` adds.
  public internal(set) var shape: LineShape = .gaussian
  public internal(set) var selectedComponent = 0
  public internal(set) var showsLibrary = false
  public internal(set) var fitRunning = false
  public internal(set) var progress: SpectraFitProgress?
  /// The parameter of the selected component that `X`, `B` and `t` act on (index into its
  /// `parameterNames`).
  public internal(set) var selectedParameter = 0
  /// What the XRD, XPS and series keys set: wavelength, phases, sensitivities, series.
  public internal(set) var analysis = SpectraAnalysis()

  /// The shapes `s` cycles through, in order.
  public static let shapes: [LineShape] = [.gaussian, .lorentzian, .pseudoVoigt, .voigt, .glProduct, .pearsonVII, .doniachSunjic]
  /// The backgrounds `b` cycles through for a technique, in the CLI's inline model syntax
  /// (Shirley and Tougaard need an XPS energy axis).
  public static func backgrounds(for technique: SpectroscopyTechnique?) -> [String] {
    switch technique {
    case .xps, .aes: return ["shirley", "tougaard", "linear", "constant", "none"]
    case .raman, .xrd, nil: return ["linear", "constant", "polynomial(2)", "als(1e5, 0.01)", "none"]
    }
  }

  public init(workspace: String) {
    self.workspace = workspace
  }

  public var capturesInput: Bool { modal != .none }

  public var current: SpectraEntry? { entries.indices.contains(selected) ? entries[selected] : nil }

  /// The selected entry's fit when it answers the current settings (the plot draws its curves).
  public var currentFit: SpectraFitOutcome? {
    guard let fit = current?.fit, fit.request.range == settings.range else { return nil }
    return fit
  }

  /// The x span shown: the viewport, else the whole spectrum.
  public var visibleSpan: ClosedRange<Double>? {
    if let viewport { return viewport }
    guard let s = current?.spectrum, let lo = s.x.min(), let hi = s.x.max(), lo < hi else { return nil }
    return lo...hi
  }
}

/// One spectrum of a workspace file, and its last fit.
public struct SpectraEntry: Equatable, Sendable {
  public var path: String
  public var index: Int
  public var spectrum: Spectrum
  public var fit: SpectraFitOutcome?

  public init(path: String, index: Int, spectrum: Spectrum, fit: SpectraFitOutcome? = nil) {
    self.path = path
    self.index = index
    self.spectrum = spectrum
    self.fit = fit
  }

  /// "file.csv" or "file.csv · name" when a file holds several spectra.
  public func label(spectraInFile count: Int) -> String {
    count > 1 ? "\(path) · \(spectrum.name)" : path
  }
}
