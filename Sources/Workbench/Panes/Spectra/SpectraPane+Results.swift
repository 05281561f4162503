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
    if case .prompt(_, let editor) = modal {
      // A long prompt (the phase list) goes on its own wrapped lines, the typed text under it.
      guard editor.prompt.count + editor.text.count + 1 > inner.width, inner.height >= 2 else {
        _ = buffer.write(editor.prompt + editor.text + "▏", x: inner.x, y: inner.y, style: theme.textStyle, maxWidth: inner.width)
        return
      }
      let promptArea = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
      Paragraph(lines: [TextLine(editor.prompt)], wrap: true).render(into: &buffer, area: promptArea, theme: theme)
      let rows = min(inner.height - 1, (editor.prompt.count + inner.width - 1) / max(1, inner.width))
      _ = buffer.write("› " + editor.text + "▏", x: inner.x, y: inner.y + rows, style: theme.textStyle, maxWidth: inner.width)
      return
    }
    let model = settings.model
    guard !model.components.isEmpty else {
      _ = buffer.write("no peaks: [ ] set the range at the cursor, a adds a \(shape.rawValue) at the cursor, A finds peaks, b background, s shape",
                       x: inner.x, y: inner.y, style: theme.textStyle, maxWidth: inner.width)
      for (k, note) in notesLines.enumerated() where inner.y + 1 + k < inner.bottom {
        _ = buffer.write(note, x: inner.x, y: inner.y + 1 + k, style: Style(foreground: theme.border, background: theme.background), maxWidth: inner.width)
      }
      return
    }
    let fitted = currentFit.flatMap { fit -> [String: PeakComponentResult]? in
      fit.result.components.map(\.name) == model.components.map(\.name) ? Dictionary(uniqueKeysWithValues: fit.result.components.map { ($0.name, $0) }) : nil
    }
    let columns = resultColumns
    let header = fitted == nil
      ? pad("peak", 10) + pad("shape", 13) + pad("centre (start)", 18) + pad("width", 14) + "amplitude"
      : pad("peak", 10) + pad("shape", 13) + columns.map { pad($0.title, $0.width) }.joined()
    _ = buffer.write(header, x: inner.x, y: inner.y, style: Style(foreground: theme.title, background: theme.background, attributes: .bold), maxWidth: inner.width)
    let notes = notesLines
    let rows = max(0, inner.height - 1 - min(notes.count, max(0, inner.height - 2)))
    for (k, c) in model.components.enumerated().prefix(rows) {
      let constrained = c.parameterNames.allSatisfy { model[$0].map { $0.fixed || $0.tie != nil } ?? true } ? " fixed" : ""
      let marker = k == selectedComponent ? "▸ " : "  "
      var line = pad(marker + c.name, 10) + pad(c.shape.rawValue + constrained, 13)
      if let r = fitted?[c.name] {
        line += columns.map { pad($0.value(r), $0.width) }.joined()
      } else {
        line += pad(model[c.centerName].map { Self.format($0.value) } ?? "—", 18) + pad(model[c.fwhmName].map { Self.format($0.value) } ?? "—", 14)
          + (model[c.amplitudeName].map { Self.format($0.value) } ?? "—")
      }
      let style = k == selectedComponent ? Style(foreground: theme.background, background: theme.selection) : theme.textStyle
      _ = buffer.write(line, x: inner.x, y: inner.y + 1 + k, style: style, maxWidth: inner.width)
    }
    let first = inner.y + 1 + min(rows, model.components.count)
    for (k, note) in notes.enumerated() where first + k < inner.bottom {
      _ = buffer.write(note, x: inner.x, y: first + k, style: Style(foreground: theme.border, background: theme.background), maxWidth: inner.width)
    }
  }

  var resultsTitle: String {
    if fitRunning {
      return "Peaks · fitting… " + (progress.map { "iteration \($0.iteration)  χ² \(Self.format($0.chiSquare))" } ?? "") + "  (Esc cancels)"
    }
    guard let r = currentFit?.result else { return "Peaks (\(settings.model.components.count)) · not fitted" }
    // A fit can converge with a peak that has left the window (started off the data): say so.
    let lo = r.x.min() ?? -.infinity, hi = r.x.max() ?? .infinity
    let strays = r.components.filter { !(lo...hi).contains($0.center.value) }.map(\.name)
    let warning = strays.isEmpty ? "" : " · CHECK: \(strays.joined(separator: ", ")) centred outside the range"
    return "Peaks · \(r.success ? "fitted" : "fit FAILED: \(r.fit.message)") · χ² \(Self.format(r.chiSquare))  reduced χ² \(Self.format(r.reducedChiSquare))  R² \(Self.format(r.rSquared))" + warning
  }

  func pm(_ e: Estimate) -> String { "\(Self.format(e.value)) ± \(Self.short(e.error))" }

  /// Three significant digits for errors in the table; "undefined" for NaN or ∞.
  static func short(_ v: Double) -> String { v.isFinite ? String(format: "%.3g", v) : "undefined" }

  func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }
}
