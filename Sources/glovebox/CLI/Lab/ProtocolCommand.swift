import ArgumentParser
import Engine
import Formats
import Foundation
import Lab

/// `glovebox protocol list|show`: the workspace's cell-assembly protocols.
struct ProtocolCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "protocol",
    abstract: "List cell-assembly protocols and show their derived numbers.",
    subcommands: [ProtocolList.self, ProtocolShow.self])
}

struct ProtocolList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the protocols of the workspace.")

  @OptionGroup var workspace: WorkspaceOption
  @Flag(name: .long, help: "Print one JSON document.") var json = false

  func run() throws {
    try LabCLI.run {
      let directory = workspace.directory()
      let library = try WorkspaceFiles.protocols(workspace: directory)
      if json {
        try printJSON(
          ProtocolListDocument(
            workspace: directory,
            protocols: library.protocols.map {
              ProtocolListDocument.Entry(id: $0.id, title: $0.title, die_diameter_mm: $0.dieDiameterMillimetres, file: $0.file)
            },
            errors: library.errors.map(\.description)))
      } else {
        var lines = ["Protocols in \(directory)/protocols:"]
        lines += SheetText.table(
          columns: [SheetColumn("Id"), SheetColumn("Die", unit: "mm", numeric: true), SheetColumn("Cell")],
          rows: library.protocols.map {
            [$0.id, LabFormat.number($0.dieDiameterMillimetres, digits: 4), $0.title]
          })
        LabCLI.printLines(lines)
      }
      for error in library.errors {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
      }
      if !library.errors.isEmpty { throw ExitCode(2) }
    }
  }
}

struct ProtocolShow: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Layers with thickness, pressing steps with forces, capacities and currents.",
    discussion: "Example: glovebox protocol show A3")

  @Argument(help: "Protocol id in the workspace (A1…A5), or a protocol file (.toml).") var id: String
  @OptionGroup var workspace: WorkspaceOption
  @Flag(name: .long, help: "Print one JSON document.") var json = false

  func run() throws {
    try LabCLI.run {
      let directory = workspace.directory()
      let lab = try workspace.load()
      // A broken materials.toml must not silently change the numbers.
      for error in lab.errors where error.file?.hasSuffix("materials.toml") == true { throw error }
      let chosen: CellProtocol
      if LabCLI.isFile(id) {
        let file = try WorkspaceFiles.read(id)
        chosen = try CellProtocol.parse(file.text, fileName: file.path, defaultID: file.baseName)
      } else {
        guard let found = lab.protocols.protocol(id: id) else {
          if let broken = lab.protocols.errors.first(where: { $0.file.map(SourceFile.baseName(of:)) == id }) {
            throw broken
          }
          let known = lab.protocols.protocols.map(\.id).joined(separator: ", ")
          throw InputError(
            "unknown protocol `\(id)` (known: \(known.isEmpty ? "none" : known))",
            file: directory + "/protocols")
        }
        chosen = found
      }
      let report = try lab.report(chosen)
      let sheet = ProtocolSheet(cellProtocol: chosen, report: report)
      if json {
        try printJSON(ProtocolDocument(report, sheet))
      } else {
        LabCLI.printLines(sheet.textLines)
      }
    }
  }
}

/// JSON shape of `glovebox protocol list --json`.
private struct ProtocolListDocument: Encodable {
  struct Entry: Encodable {
    let id: String
    let title: String
    let die_diameter_mm: Double
    let file: String?
  }
  let workspace: String
  let protocols: [Entry]
  let errors: [String]
}

/// JSON shape of `glovebox protocol show --json`.
private struct ProtocolDocument: Encodable {
  struct Layer: Encodable {
    let name: String
    let material: String
    let role: String
    let diameter_mm: Double
    let area_cm2: Double
    let mass_mg: Double?
    let thickness_um: Double?
    let areal_loading_mg_cm2: Double?
    let density_g_cm3: Double?
    let relative_density: Double?
    let density_source: String?
    let derived_from: String
  }
  struct Press: Encodable {
    let step: Int
    let pressure_MPa: Double
    let hold_s: Double?
    let die_diameter_mm: Double
    let area_cm2: Double
    let force_kN: Double
    let force_tf: Double
    let layers_pressed: [String]
  }
  struct Current: Encodable {
    let c_rate: Double?
    let current_density_mA_cm2: Double
    let current_mA: Double
  }
  struct Cathode: Encodable {
    let layer: String
    let active_material: String
    let active_mass_mg: Double
    let layer_mass_mg: Double
    let specific_capacity_mAh_g: Double
    let capacity_mAh: Double
    let areal_capacity_mAh_cm2: Double
    let currents: [Current]
  }
  struct Foil: Encodable {
    let layer: String
    let thickness_um: Double
    let capacity_per_um_mAh_cm2: Double
    let areal_capacity_mAh_cm2: Double
  }
  struct Step: Encodable {
    let number: Int
    let title: String
    let detail: String?
    let hold_s: Double?
  }
  let id: String
  let title: String
  let die_diameter_mm: Double
  let die_area_cm2: Double
  let layers: [Layer]
  let stack_thickness_um: Double
  let pressing_steps: [Press]
  let cathode: Cathode?
  let foils: [Foil]
  let currents: [Current]
  let steps: [Step]
  let notes: [String]

  init(_ report: ProtocolReport, _ sheet: ProtocolSheet) {
    id = report.id
    title = report.title
    die_diameter_mm = report.dieDiameterMillimetres
    die_area_cm2 = report.dieAreaCm2
    layers = report.layers.map {
      Layer(
        name: $0.name, material: $0.material, role: $0.role.rawValue, diameter_mm: $0.diameterMillimetres,
        area_cm2: $0.areaCm2, mass_mg: $0.massMilligrams, thickness_um: $0.thicknessMicrometres,
        areal_loading_mg_cm2: $0.arealLoadingMilligramsPerCm2, density_g_cm3: $0.density?.gramsPerCm3,
        relative_density: $0.density?.relativeDensity, density_source: $0.density?.source,
        derived_from: $0.derivedFrom)
    }
    stack_thickness_um = report.stackThicknessMicrometres
    pressing_steps = report.presses.map {
      Press(
        step: $0.step, pressure_MPa: $0.pressureMegapascals, hold_s: $0.holdHours.map { $0 * 3600 },
        die_diameter_mm: $0.dieDiameterMillimetres, area_cm2: $0.areaCm2, force_kN: $0.forceKilonewtons,
        force_tf: $0.tonnesForce, layers_pressed: $0.layersPressed)
    }
    let current = { (p: CurrentPoint) in
      Current(c_rate: p.cRate, current_density_mA_cm2: p.currentDensityMilliampsPerCm2, current_mA: p.currentMilliamps)
    }
    cathode = report.cathode.map {
      Cathode(
        layer: $0.layer, active_material: $0.activeMaterial, active_mass_mg: $0.activeMassMilligrams,
        layer_mass_mg: $0.layerMassMilligrams, specific_capacity_mAh_g: $0.specificCapacityMilliampHoursPerGram,
        capacity_mAh: $0.capacityMilliampHours, areal_capacity_mAh_cm2: $0.arealCapacityMilliampHoursPerCm2,
        currents: $0.currents.map(current))
    }
    foils = report.foils.map {
      Foil(
        layer: $0.layer, thickness_um: $0.thicknessMicrometres,
        capacity_per_um_mAh_cm2: $0.perMicrometreMilliampHoursPerCm2,
        areal_capacity_mAh_cm2: $0.arealCapacityMilliampHoursPerCm2)
    }
    currents = report.currents.map(current)
    steps = sheet.runSteps.map { Step(number: $0.number, title: $0.title, detail: $0.detail, hold_s: $0.holdSeconds) }
    notes = report.notes
  }
}
