/// The start-up decision between sixel, kitty and cells: the terminal's answers
/// (`GraphicsReplies`) with the environment's hints and the user's setting.
public enum TerminalGraphicsSupport {
  /// With `auto`: inside tmux or screen (TMUX set, TERM screen*/tmux*) cells, since the
  /// multiplexer neither passes the images through nor keeps them on its own redraws; else the
  /// terminal's answers, and when it answered none of the graphics queries, TERM=xterm-kitty
  /// or TERM_PROGRAM WezTerm/ghostty name a kitty-protocol terminal. `sixel`, `kitty` and
  /// `cells` are taken as set. Images also need the cell size in pixels (`cellSize` from
  /// TIOCGWINSZ, else the terminal's CSI 16 t answer).
  public static func decide(setting: GraphicsSetting, replies: GraphicsReplies, environment: [String: String],
                            cellSize: (width: Int, height: Int)?) -> (graphics: TerminalGraphics?, reason: String) {
    var replies = replies
    if setting == .auto {
      let term = environment["TERM"] ?? ""
      if environment["TMUX"].map({ !$0.isEmpty }) ?? false || term.hasPrefix("screen") || term.hasPrefix("tmux") {
        return (nil, "inside tmux/screen: cells")
      }
      let program = (environment["TERM_PROGRAM"] ?? "").lowercased()
      if !replies.kittyAnswered, !(replies.deviceAttributes?.contains(4) ?? false),
        term.contains("kitty") || program == "wezterm" || program == "ghostty" {
        replies.kittyAnswered = true
      }
    }
    return replies.decide(setting: setting, cellSize: cellSize)
  }
}
