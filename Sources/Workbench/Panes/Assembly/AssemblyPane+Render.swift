import Engine
import Foundation
import Lab
import TUI

extension AssemblyPane {
  public func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    ListDetailLayout(fraction: 5, minimum: 12, maximum: 22).render(
      into: &buffer, area: area, theme: theme, listAlone: focus == .list && run == nil,
      list: { renderList(into: &$0, area: $1, theme: theme) },
      detail: { renderDetail(into: &$0, area: $1, theme: theme) })
  }

  func renderList(into buffer: inout Buffer, area: Rect, theme: Theme) {
    let block = Block(title: "Protocols", isFocused: focus == .list && run == nil)
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    guard !inner.isEmpty else { return }
    var items = protocols.map { TextLine("\($0.id)  \($0.title)") }
    let errorStyle = Style(foreground: theme.error, background: theme.background)
    for error in lab.protocols.errors {
      items.append(TextLine("✗ " + SourceFile.baseName(of: error.file ?? "?"), style: errorStyle))
    }
    if items.isEmpty {
      Paragraph("No protocols: put *.toml files in protocols/.").render(into: &buffer, area: inner, theme: theme)
      return
    }
    List(items: items, selected: protocols.isEmpty ? nil : cursor, isFocused: focus == .list && run == nil)
      .render(into: &buffer, area: inner, theme: theme)
  }

  func renderDetail(into buffer: inout Buffer, area: Rect, theme: Theme) {
    let name = selectedProtocol.map { "\($0.id) — \($0.title)" } ?? "Protocol"
    let block = Block(title: name, isFocused: focus == .sheet || run != nil)
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    guard !inner.isEmpty, let sheet else { return }
    switch sheet {
    case .failure(let error):
      Paragraph(lines: [TextLine(error.description, style: Style(foreground: theme.error, background: theme.background))])
        .render(into: &buffer, area: inner, theme: theme)
    case .success(let sheet):
      var body = inner
      if let run {
        let runHeight = min(inner.height, max(inner.height / 2, min(12, inner.height)))
        let parts = Layout.split(inner, direction: .vertical, [.fill(1), .length(runHeight)])
        body = parts[0]
        renderRun(run, into: &buffer, area: parts[1], theme: theme)
      }
      renderSheet(sheet, into: &buffer, area: body, theme: theme)
    }
  }

  /// The die line, the stack drawing beside the tables, capacities and steps.
  func renderSheet(_ sheet: ProtocolSheet, into buffer: inout Buffer, area: Rect, theme: Theme) {
    guard !area.isEmpty else { return }
    let label = Style(foreground: theme.title, background: theme.background, attributes: .bold)
    let x = buffer.write("Die: ", x: area.x, y: area.y, style: label, maxWidth: area.width)
    buffer.write("\(sheet.dieText); stack \(sheet.stackText)", x: x, y: area.y, style: theme.textStyle, maxWidth: area.right - x)
    let rest = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    guard !rest.isEmpty else { return }
    func text(width: Int) -> Paragraph {
      Paragraph(lines: Self.sheetLines(sheet, width: width, showSteps: run == nil, theme: theme), scroll: sheetScroll)
    }
    if rest.width >= 56 && rest.height >= 4 {
      let stackWidth = min(24, rest.width / 4)
      let parts = Layout.split(rest, direction: .horizontal, [.length(stackWidth), .fill(1)], spacing: 1)
      let frame = Block(title: "Stack to scale")
      frame.render(into: &buffer, area: parts[0], theme: theme)
      StackDrawing(sheet: sheet).render(into: &buffer, area: frame.inner(parts[0]), theme: theme)
      text(width: parts[1].width).render(into: &buffer, area: parts[1], theme: theme)
    } else {
      text(width: rest.width).render(into: &buffer, area: rest, theme: theme)
    }
  }

  /// The tables as aligned text (so the sheet scrolls as one), with headings. Columns that do
  /// not fit in `width` are left out from the right, so a row is never wrapped mid-table.
  static func sheetLines(_ sheet: ProtocolSheet, width: Int, showSteps: Bool, theme: Theme) -> [TextLine] {
    let heading = Style(foreground: theme.title, background: theme.background, attributes: .bold)
    let header = theme.textStyle.adding(.underline)
    func table(_ title: String, _ columns: [SheetColumn], _ rows: [[String]]) -> [TextLine] {
      let lines = fittingTable(columns: columns, rows: rows, width: width)
      guard let first = lines.first else { return [] }
      return [TextLine(title, style: heading), TextLine(first, style: header)] + lines.dropFirst().map { TextLine($0) }
    }
    var lines = table("Layers (top first)", sheet.layerColumns, sheet.layerRows)
    if !sheet.pressRows.isEmpty {
      lines += [TextLine("")] + table("Pressing", sheet.pressColumns, sheet.pressRows)
    }
    if !sheet.capacityLines.isEmpty {
      lines += [TextLine(""), TextLine("Capacities and currents", style: heading)] + sheet.capacityLines.map { TextLine($0) }
    }
    if showSteps {
      lines += [TextLine(""), TextLine("Steps (r: run mode)", style: heading)]
      lines += sheet.runSteps.map { step in
        TextLine("\(step.number). \(step.title)" + (step.detail.map { " — " + $0 } ?? ""))
      }
    }
    if !sheet.notes.isEmpty {
      let noteStyle = Style(foreground: theme.warning, background: theme.background)
      lines += [TextLine("")] + sheet.notes.map { TextLine("Note: " + $0, style: noteStyle) }
    }
    return lines
  }

  /// The widest leading set of columns (at least two) whose table fits in `width`.
  static func fittingTable(columns: [SheetColumn], rows: [[String]], width: Int) -> [String] {
    var count = columns.count
    while true {
      let lines = SheetText.table(
        columns: Array(columns.prefix(count)), rows: rows.map { Array($0.prefix(count)) }, indent: "")
      if count <= 2 || (lines.map(\.count).max() ?? 0) <= width { return lines }
      count -= 1
    }
  }

  /// The current step, its countdown, what was typed for it, and the steps already recorded.
  func renderRun(_ run: ProtocolRun, into buffer: inout Buffer, area: Rect, theme: Theme) {
    let session = run.session
    let position = session.isFinished ? "done" : "step \(session.index + 1) of \(session.steps.count)"
    let block = Block(title: "Run \(session.protocolID) — \(position)", isFocused: true)
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    guard !inner.isEmpty else { return }
    let bold = theme.textStyle.adding(.bold)
    let okStyle = Style(foreground: theme.ok, background: theme.background)
    let warn = Style(foreground: theme.warning, background: theme.background)
    var lines: [TextLine] = []
    var gaugeRatio: Double?
    lines.append(TextLine(session.cell.map { "cell \($0) (i changes)" } ?? "cell: none given (i sets it)", style: session.cell == nil ? warn : theme.textStyle))
    if let step = session.current {
      lines.append(TextLine("▶ \(step.number). \(step.title)", style: bold))
      if let detail = step.detail { lines.append(TextLine("  " + detail)) }
      if let hold = step.holdSeconds {
        if let remaining = session.remainingSeconds(at: now) {
          let text = remaining > 0
            ? "  hold: \(Self.clockText(seconds: remaining)) left of \(Self.clockText(seconds: hold)) — space when released"
            : "  hold time reached — space records the step"
          lines.append(TextLine(text, style: remaining > 0 ? warn : okStyle))
          gaugeRatio = hold > 0 ? min(1, max(0, 1 - remaining / hold)) : 1
        } else {
          lines.append(TextLine("  space: start the \(Self.clockText(seconds: hold)) hold", style: warn))
        }
      } else {
        lines.append(TextLine("  space: step done"))
      }
      if let note = run.pendingNote { lines.append(TextLine("  note: " + note)) }
      for deviation in run.pendingDeviations { lines.append(TextLine("  deviation: " + deviation, style: warn)) }
      let measured = run.pendingMeasurement
      if !measured.dataFiles.isEmpty { lines.append(TextLine("  data files: " + measured.dataFiles.joined(separator: " "))) }
      if let t = measured.thicknessMicrometres, let d = measured.diameterMillimetres {
        lines.append(TextLine(String(format: "  pellet: %.4g µm, ⌀ %.4g mm", t, d)))
      }
    } else {
      lines.append(TextLine("✓ All \(session.steps.count) steps recorded in \(RunNotebook.fileName) (Esc leaves)", style: okStyle))
    }
    var notebook = "notebook: \(run.written) of \(session.records.count) written"
    if run.failed > 0 { notebook += ", \(run.failed) failed" }
    lines.append(TextLine(notebook, style: run.failed > 0 ? Style(foreground: theme.error, background: theme.background) : theme.textStyle.adding(.dim)))
    // Withdrawn steps stay listed (the notebook keeps them), marked; corrections show as ↶.
    var standing = RunNotebook.standing(session.records)
    for record in session.records.reversed() {
      let time = record.time.split(separator: "T").last.map { String($0.dropLast()) } ?? record.time
      let stands = record.withdrawsStep == nil && standing.last == record
      if stands { standing.removeLast() }
      let mark = record.withdrawsStep != nil ? "↶" : stands ? "✓" : "✗"
      let withdrawn = stands || record.withdrawsStep != nil ? "" : " (withdrawn)"
      var text = "\(mark) \(record.step). \(time)\(withdrawn) \(record.title)"
      if !record.deviations.isEmpty { text += " [" + record.deviations.joined(separator: "; ") + "]" }
      if let note = record.note { text += " — " + note }
      lines.append(TextLine(text, style: okStyle))
    }
    let entryRows = entry == nil ? 0 : 1
    let gaugeRows = gaugeRatio == nil ? 0 : 1
    let parts = Layout.split(inner, direction: .vertical, [.fill(1), .length(gaugeRows), .length(entryRows)])
    Paragraph(lines: lines, wrap: false).render(into: &buffer, area: parts[0], theme: theme)
    if let gaugeRatio {
      Gauge(ratio: gaugeRatio, label: "\(Int((gaugeRatio * 100).rounded())) %", color: theme.warning)
        .render(into: &buffer, area: parts[1], theme: theme)
    }
    if let entry {
      let hint = "  Enter keeps · Esc drops"
      let row = parts[2]
      let fieldWidth = row.width >= 40 ? row.width - hint.count : row.width
      entry.field.render(into: &buffer, area: Rect(x: row.x, y: row.y, width: fieldWidth, height: row.height), theme: theme)
      if fieldWidth < row.width, !row.isEmpty {
        buffer.write(hint, x: row.x + fieldWidth, y: row.y, style: theme.textStyle.adding(.dim), maxWidth: row.width - fieldWidth)
      }
    }
  }
}
