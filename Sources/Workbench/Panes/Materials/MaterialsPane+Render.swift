import Engine
import Lab
import TUI

extension MaterialsPane {
  public func render(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    ListDetailLayout(fraction: 4, minimum: 14, maximum: 26).render(
      into: &buffer, area: area, theme: theme, listAlone: focus == .list && massField == nil,
      list: { renderList(into: &$0, area: $1, theme: theme) },
      detail: { renderSheet(into: &$0, area: $1, context: context) })
  }

  func renderList(into buffer: inout Buffer, area: Rect, theme: Theme) {
    let block = Block(title: "Recipes", isFocused: focus == .list)
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    guard !inner.isEmpty else { return }
    var items = recipes.map { TextLine($0.name) }
    let errorStyle = Style(foreground: theme.error, background: theme.background)
    for error in lab.recipes.errors {
      items.append(TextLine("✗ " + SourceFile.baseName(of: error.file ?? "?"), style: errorStyle))
    }
    if items.isEmpty {
      Paragraph("No recipes: put *.toml files in recipes/.").render(into: &buffer, area: inner, theme: theme)
      return
    }
    List(items: items, selected: recipes.isEmpty ? nil : cursor, isFocused: focus == .list)
      .render(into: &buffer, area: inner, theme: theme)
  }

  func renderSheet(into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let theme = context.theme
    let name = selectedRecipe.map { "\($0.name) — \($0.title)" } ?? "Recipe"
    let block = Block(title: name, isFocused: focus == .sheet || massField != nil)
    block.render(into: &buffer, area: area, theme: theme)
    let inner = block.inner(area)
    guard !inner.isEmpty, let sheet else { return }
    let errorStyle = Style(foreground: theme.error, background: theme.background)
    let top = Layout.split(inner, direction: .vertical, [.length(massError == nil ? 1 : 2), .fill(1)])
    renderBatchLine(into: &buffer, area: top[0], sheet: try? sheet.get(), theme: theme)
    switch sheet {
    case .failure(let error):
      Paragraph(lines: [TextLine(error.description, style: errorStyle)]).render(into: &buffer, area: top[1], theme: theme)
    case .success(let sheet):
      renderBody(sheet, into: &buffer, area: top[1], context: context)
    }
  }

  /// "Batch: 2.000 g Li6PS5Cl (…)", or the mass field with its error under it while editing.
  func renderBatchLine(into buffer: inout Buffer, area: Rect, sheet: RecipeSheet?, theme: Theme) {
    guard !area.isEmpty else { return }
    let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
    if let field = massField {
      let hint = "  Enter sets · Esc cancels"
      let fieldWidth = row.width >= 40 ? row.width - hint.count : row.width
      field.render(into: &buffer, area: Rect(x: row.x, y: row.y, width: fieldWidth, height: 1), theme: theme)
      if fieldWidth < row.width {
        buffer.write(hint, x: row.x + fieldWidth, y: row.y, style: theme.textStyle.adding(.dim), maxWidth: row.width - fieldWidth)
      }
      if let massError, area.height > 1 {
        buffer.write(
          "✗ " + massError, x: area.x, y: area.y + 1, style: Style(foreground: theme.error, background: theme.background),
          maxWidth: area.width)
      }
      return
    }
    let label = Style(foreground: theme.title, background: theme.background, attributes: .bold)
    var x = buffer.write("Batch: ", x: row.x, y: row.y, style: label, maxWidth: row.width)
    x = buffer.write(sheet?.batchText ?? LabFormat.mass(grams: batchGrams), x: x, y: row.y, style: theme.textStyle, maxWidth: row.right - x)
    buffer.write("  (e: change)", x: x, y: row.y, style: theme.textStyle.adding(.dim), maxWidth: row.right - x)
  }

  func renderBody(_ sheet: RecipeSheet, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    guard !area.isEmpty else { return }
    let tableHeight = min(area.height, sheet.rows.count + 2)
    let parts = Layout.split(area, direction: .vertical, [.length(tableHeight), .length(area.height > tableHeight ? 1 : 0), .fill(1)])
    Self.precursorTable(sheet).render(into: &buffer, area: parts[0], theme: context.theme)
    let rest = parts[2]
    guard !rest.isEmpty else { return }
    let text = Paragraph(lines: Self.detailLines(sheet, theme: context.theme), scroll: sheetScroll)
    guard Self.hasHeatTreatment(sheet) else {
      text.render(into: &buffer, area: rest, theme: context.theme)
      return
    }
    if rest.width >= 60 {
      let columns = Layout.split(rest, direction: .horizontal, [.fill(1), .fill(1)], spacing: 1)
      text.render(into: &buffer, area: columns[0], theme: context.theme)
      renderProfile(sheet, into: &buffer, area: columns[1], context: context)
    } else if rest.height >= 12 {
      let rows = Layout.split(rest, direction: .vertical, [.length(rest.height / 2), .fill(1)])
      renderProfile(sheet, into: &buffer, area: rows[0], context: context)
      text.render(into: &buffer, area: rows[1], theme: context.theme)
    } else {
      text.render(into: &buffer, area: rest, theme: context.theme)
    }
  }

  /// The weigh-out table: one row per precursor, then the totals in bold.
  static func precursorTable(_ sheet: RecipeSheet) -> Table {
    let rows = sheet.rows + [sheet.totalRow]
    let columns = sheet.columns.enumerated().map { index, column -> TableColumn in
      let widest = rows.map { index < $0.count ? $0[index].count : 0 }.max() ?? 0
      let width = max(widest, TableColumn(column.title, unit: column.unit).header.count)
      return TableColumn(
        column.title, unit: column.unit, alignment: column.numeric ? .right : .left,
        width: index == 0 ? .min(width) : .length(width))
    }
    var styles: [[Style?]] = Array(repeating: [], count: sheet.rows.count)
    styles.append(Array(repeating: Style(attributes: .bold), count: sheet.totalRow.count))
    return Table(columns: columns, rows: rows, isFocused: false, columnSpacing: 2, cellStyles: styles)
  }

  /// Verdicts in their colours, sub-batches, mass balance, the steps and the notes.
  static func detailLines(_ sheet: RecipeSheet, theme: Theme) -> [TextLine] {
    let heading = Style(foreground: theme.title, background: theme.background, attributes: .bold)
    var lines: [TextLine] = sheet.verdicts.map { verdict in
      let (mark, color): (String, Color) =
        switch verdict.level {
        case .ok: ("✓", theme.ok)
        case .warning: ("!", theme.warning)
        case .error: ("✗", theme.error)
        }
      let style = Style(foreground: color, background: theme.background)
      return TextLine([TextSpan("\(mark) \(verdict.label): ", style: style.adding(.bold)), TextSpan(verdict.text, style: style)])
    }
    if !sheet.subBatchLines.isEmpty {
      lines += [TextLine(""), TextLine("Sub-batches", style: heading)] + sheet.subBatchLines.map { TextLine("  " + $0) }
    }
    if !sheet.massBalanceLines.isEmpty {
      lines += [TextLine("")] + sheet.massBalanceLines.map { TextLine($0) }
    }
    lines += [TextLine(""), TextLine("Steps (total \(sheet.totalTimeText))", style: heading)]
    lines += sheet.stepLines.map { TextLine("  " + $0) }
    if !hasHeatTreatment(sheet) { lines.append(TextLine("  No heat treatment: room temperature throughout.")) }
    if !sheet.notes.isEmpty {
      lines += [TextLine("")] + sheet.notes.map { TextLine("Note: " + $0, style: Style(foreground: theme.warning, background: theme.background)) }
    }
    return lines
  }

  /// Whether the temperature programme changes temperature at all: milling-only recipes (the
  /// composites) stay at room temperature, and a flat line says nothing a sentence would not.
  static func hasHeatTreatment(_ sheet: RecipeSheet) -> Bool {
    let temperatures = sheet.heatProfile.map(\.celsius)
    guard temperatures.count >= 2, let lowest = temperatures.min(), let highest = temperatures.max() else { return false }
    return highest - lowest >= 1
  }

  /// Temperature against time of the heat treatments, in the pane's graph symbols.
  func renderProfile(_ sheet: RecipeSheet, into buffer: inout Buffer, area: Rect, context: PaneRenderContext) {
    let block = Block(title: "Heat treatment (°C vs h)")
    block.render(into: &buffer, area: area, theme: context.theme)
    let inner = block.inner(area)
    guard !inner.isEmpty else { return }
    let series = PlotSeries(
      "T", x: sheet.heatProfile.map(\.hours), y: sheet.heatProfile.map(\.celsius), color: context.theme.seriesColor(1))
    LinePlot(
      series: [series], xAxis: PlotAxis("time (h)"), yAxis: PlotAxis("T (°C)"), symbols: context.graphSymbols,
      legend: .hidden
    ).render(into: &buffer, area: inner, theme: context.theme)
  }
}
