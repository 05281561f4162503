/// How plots are drawn: braille (2×4 dots a cell, the sharpest), block elements, or plain
/// ASCII for terminals and fonts without either. Chosen per workbench in config.toml
/// (`graph_symbols`) or with `:symbols NAME`; panes pass it to their plot widgets.
public enum GraphSymbols: String, CaseIterable, Hashable, Sendable {
  case braille
  case block
  case ascii
}
