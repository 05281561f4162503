import ArgumentParser

/// `glovebox xrd …`: powder diffraction from crystal structures.
struct XRDCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "xrd",
    abstract: "X-ray powder diffraction: stick patterns from CIF structures, lattice refinement, phase identification.",
    subcommands: [
      XRDPattern.self,
      XRDCell.self,
      XRDMatch.self,
      XRDStrip.self,
      XRDSize.self,
      XRDLeBail.self,
    ]
  )
}
