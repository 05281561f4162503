import ArgumentParser

/// The `glovebox` command: with no subcommand it opens the workbench on a workspace folder.
@main
struct Glovebox: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glovebox",
    abstract: "A terminal workbench for all-solid-state lithium-metal battery research.",
    subcommands: [
      EISCommand.self,
      CycleCommand.self,
    ],
  )

  mutating func run() throws {
    print("glovebox")
  }
}
