import Engine
import Foundation

extension FuzzFamily {
  /// Raman, XPS and XRD files of our own readers (`SpectrumFileReader.read(_:file:)`, as
  /// `glovebox spectrum` and the Spectra pane read them): Renishaw WiRE .wdf, Rigaku .ras, JCAMP-DX, Renishaw WiRE
  /// text and delimited text with an axis header. The reader picks the format from the content
  /// first and the extension second; the name given is the one the content claims, so each
  /// reader sees its own mutations. Every x and y of an accepted spectrum must be finite.
  public static let spectra = FuzzFamily(
    name: "spectra",
    seeds: ["Examples/spectra", "Tests/Fuzz/seeds/spectra"],
    extensions: ["csv", "txt", "ras", "jdx", "dx", "wdf"],
    fileName: { bytes in
      func starts(_ text: String) -> Bool { bytes.starts(with: Array(text.utf8)) }
      if starts("WDF1") { return "fuzz-spectrum.wdf" }
      if starts("*RAS") { return "fuzz-spectrum.ras" }
      if starts("##") { return "fuzz-spectrum.jdx" }
      if starts("#") { return "fuzz-spectrum.txt" }
      return "fuzz-spectrum.csv"
    },
    judge: { bytes, fileName in
      do {
        let spectra = try SpectrumFileReader.read(Data(bytes), file: fileName)
        return spectrumVerdict(spectra)
      } catch {
        return .judging(error, fileName: fileName)
      }
    })

  /// `.accepted` when every spectrum has finite x and y of one length, a flaw otherwise.
  static func spectrumVerdict(_ spectra: [Spectrum]) -> FuzzVerdict {
    if let uneven = spectra.first(where: { $0.x.count != $0.y.count }) {
      return .flaw("spectrum \(uneven.name) has \(uneven.x.count) x and \(uneven.y.count) y values")
    }
    return .all(spectra.flatMap { [.finite($0.x, "x of \($0.name)"), .finite($0.y, "y of \($0.name)")] })
  }
}
