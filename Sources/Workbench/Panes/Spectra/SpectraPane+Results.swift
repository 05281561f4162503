import Engine
import Foundation
import TUI

extension SpectraPane {
  /// The components table: the fit's values ± standard errors when the selected spectrum was
  /// fitted with these components, else the model's starting values; χ², R² on the title line.
  func renderResults(into buffer: inout Buffer, area: Rect, theme: Theme) {
    let block = Block(title: resultsTitle)
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    guard inner.height >= 1 else { return }
    if case .rangeEditor(let editor) = modal {
      _ = buffer.write(editor.prompt + editor.text + "▏", x: inner.x, y: inner.y, style: theme.textStyle, maxWidth: inner.width)
      return
    }
    let model = settings.model
    guard !model.components.isEmpty else {
      _ = buffer.write("no peaks: [ ] set the range at the cursor, a adds a \(shape.rawValue) at the cursor, A finds peaks, b background, s shape",
                       x: inner.x, y: inner.y, style: theme.textStyle, maxWidth: inner.width)
      return
    }
    let fitted = currentFit.flatMap { fit -> [String: PeakComponentResult]? in
      fit.result.components.map(\.name) == model.components.map(\.name) ? Dictionary(uniqueKeysWithValues: fit.result.components.map { ($0.name, $0) }) : nil
    }
    let header = fitted == nil
      ? pad("peak", 8) + pad("shape", 13) + pad("centre (start)", 18) + pad("width", 14) + "amplitude"
      : pad("peak", 8) + pad("shape", 13) + pad("centre", 22) + pad("FWHM", 20) + pad("height", 20) + pad("area", 20) + "% area"
    _ = buffer.write(header, x: inner.x, y: inner.y, style: Style(foreground: theme.title, background: theme.background, attributes: .bold), maxWidth: inner.width)
    for (k, c) in model.components.enumerated().prefix(max(0, inner.height - 1)) {
      let fixed = c.parameterNames.allSatisfy { model[$0].map { $0.fixed || $0.tie != nil } ?? true } ? " fixed" : ""
      let marker = k == selectedComponent ? "▸ " : "  "
      var line = pad(marker + c.name, 8) + pad(c.shape.rawValue + fixed, 13)
      if let r = fitted?[c.name] {
        line += pad(pm(r.center), 22) + pad(pm(r.fwhm), 20) + pad(pm(r.height), 20) + pad(pm(r.area), 20) + "\(Self.short(r.areaPercent.value)) ± \(Self.short(r.areaPercent.error))"
      } else {
        line += pad(model[c.centerName].map { Self.format($0.value) } ?? "—", 18) + pad(model[c.fwhmName].map { Self.format($0.value) } ?? "—", 14)
          + (model[c.amplitudeName].map { Self.format($0.value) } ?? "—")
      }
      let style = k == selectedComponent ? Style(foreground: theme.background, background: theme.selection) : theme.textStyle
      _ = buffer.write(line, x: inner.x, y: inner.y + 1 + k, style: style, maxWidth: inner.width)
    }
  }

  var resultsTitle: String {
    if fitRunning {
      return "Peaks · fitting… " + (progress.map { "iteration \($0.iteration)  χ² \(Self.format($0.chiSquare))" } ?? "") + "  (Esc cancels)"
    }
    guard let r = currentFit?.result else { return "Peaks (\(settings.model.components.count)) · not fitted" }
    return "Peaks · \(r.success ? "fitted" : "fit FAILED: \(r.fit.message)") · χ² \(Self.format(r.chiSquare))  reduced χ² \(Self.format(r.reducedChiSquare))  R² \(Self.format(r.rSquared))"
  }

  func pm(_ e: Estimate) -> String { "\(Self.format(e.value)) ± \(Self.short(e.error))" }

  /// Three significant digits for errors in the table; "undefined" for NaN or ∞.
  static func short(_ v: Double) -> String { v.isFinite ? String(format: "%.3g", v) : "undefined" }

  func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
