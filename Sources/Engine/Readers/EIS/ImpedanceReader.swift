import Formats
import Foundation

/// Reads impedance spectra from instrument files. Pure: bytes in, spectra out; the format is
/// recognised from the content (and the extension when the content is not distinctive). Every
/// spectrum uses Z = Z' + jZ'' with Z'' < 0 for a capacitive response, frequencies in Hz, Ω.
/// A file holding several spectra (Gamry tables, EC-Lab cycles) gives several, never one merged.
public enum ImpedanceReader {
  /// Reads the file at `url` (the thin edge: it only loads the bytes).
  public static func read(contentsOf url: URL, format: ImpedanceFileFormat? = nil, columns: ImpedanceColumnLayout? = nil) throws -> [ImpedanceSpectrum] {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw InputError("cannot read the file: \(error.localizedDescription)", file: url.path)
    }
    return try read(data: data, fileName: url.path, format: format, columns: columns)
  }

  /// Reads `data`, which came from a file called `fileName` (used for errors and the extension).
  /// `format` overrides detection; `columns` overrides a delimited table's header.
  public static func read(data: Data, fileName: String, format: ImpedanceFileFormat? = nil, columns: ImpedanceColumnLayout? = nil) throws -> [ImpedanceSpectrum] {
    let format = format ?? ImpedanceFileFormat.detect(data: data, fileName: fileName)
    do {
      return try decode(data: data, fileName: fileName, format: format, columns: columns)
    } catch let error as InputError {
      throw error.inFile(fileName)
    }
  }

  private static func decode(data: Data, fileName: String, format: ImpedanceFileFormat, columns: ImpedanceColumnLayout?) throws -> [ImpedanceSpectrum] {
    if data.isEmpty { throw InputError("expected impedance data, found an empty file", file: fileName) }
    let text = { InstrumentTextFile(data: data, fileName: fileName) }
    switch format {
    case .bioLogicBinary:
      return try BioLogicFile(mprData: data, fileName: fileName).impedanceSpectra(name: fileName)
    case .bioLogicText:
      return try BioLogicFile(mptData: data, fileName: fileName).impedanceSpectra(name: fileName)
    case .delimited, .chInstruments, .powerSuite, .parstat:
      var reader = DelimitedImpedanceReader(layout: columns)
      reader.formatName = format.rawValue
      reader.skipsAllZeroRows = format == .parstat
      return try reader.read(text())
    case .autolab:
      let document = text()
      if let first = document.lines.first, first.contains("Data File") {
        return try ZPlotReader().read(document, formatName: format.rawValue)
      }
      var reader = DelimitedImpedanceReader(layout: columns)
      reader.formatName = format.rawValue
      return try reader.read(document)
    case .gamry:
      return try GamryReader().read(text())
    case .zplot:
      return try ZPlotReader().read(text(), formatName: format.rawValue)
    case .versaStudio:
      return try VersaStudioReader().read(text())
    case .ivium:
      return try IviumReader().read(text())
    case .pyimpspecJSON:
      return try PyImpspecJSONReader.read(data, fileName: fileName)
    case .palmSens:
      return try PalmSensSessionReader.read(data, fileName: fileName)
    case .xlsx:
      return try SpreadsheetImpedanceReader.readXlsx(data, fileName: fileName)
    case .ods:
      return try SpreadsheetImpedanceReader.readOpenDocument(data, fileName: fileName, flat: false)
    case .fods:
      return try SpreadsheetImpedanceReader.readOpenDocument(data, fileName: fileName, flat: true)
    case .dfr:
      return try EcoChemieDFRReader().read(text())
    case .p00:
      return try CountedTableReader(positionalLayout: nil, formatName: format.rawValue).read(text())
    case .i2b:
      return try CountedTableReader(positionalLayout: .frequencyRealImaginary, formatName: format.rawValue).read(text())
    }
  }
}
