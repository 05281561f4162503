import ArgumentParser

/// The `glovebox` command: with no subcommand it opens the workbench on a workspace folder
/// (`glovebox [DIR] [--theme NAME] [--colors N]`, the default subcommand `open`).
@main
struct Glovebox: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "glovebox",
    abstract: "A terminal workbench for all-solid-state lithium-metal battery research.",
    subcommands: [
      OpenWorkbench.self,
      BenchTUI.self,
      BenchIndex.self,
      BenchSpectraPane.self,
      BenchSpectra.self,
      EISCommand.self,
      FormulaCommand.self,
      RecipeCommand.self,
      ProtocolCommand.self,
      ArrheniusCommand.self,
      SimCommand.self,
      CycleCommand.self,
      DemoCommand.self,
      XRDCommand.self,
      SpectrumCommand.self,
      XPSCommand.self,
      RamanCommand.self,
    ],
    defaultSubcommand: OpenWorkbench.self,
  )

  static func main() {
    ProcessMemory.keepFreedMemory()
    main(nil)
  }
}
