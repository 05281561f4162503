import ArgumentParser

/// `glovebox eis …`: impedance spectra from the command line.
struct EISCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eis",
    abstract: "Impedance spectra: read instrument files, fit circuits, Kramers–Kronig, DRT, simulate.",
    subcommands: [
      EISRead.self,
      EISFit.self,
      EISSim.self,
      EISKK.self,
      EISDRT.self,
    ]
  )
}
