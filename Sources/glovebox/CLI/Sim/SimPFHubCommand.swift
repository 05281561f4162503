import ArgumentParser
import Engine
import Foundation

struct SimPFHubCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pfhub",
    abstract: "Run a PFHub benchmark problem (7a: manufactured Allen–Cahn; 1a: spinodal decomposition)."
  )

  @Argument(help: "Benchmark: 7a or 1a.") var benchmark: String
  @Option(help: "7a: grid points along x (Ny = Nx/2).") var nx: Int = 256
  @Option(help: "Time step.") var dt: Double?
  @Option(help: "7a: stepper (euler or sbdf2).") var stepper: String = "euler"
  @Option(help: "End time (7a: 8; 1a: 50).") var until: Double?
  @Option(help: "1a: output interval of the free energy.") var every: Double = 1
  @Flag(help: "Print one JSON document.") var json = false

  struct Result7a: Encodable {
    var benchmark = "7a"
    var nx: Int
    var ny: Int
    var dt: Double
    var stepper: String
    var time: Double
    var l2_error: Double
  }

  struct Result1a: Encodable {
    var benchmark = "1a"
    var dt: Double
    var mass_drift: Double
    var free_energy: [PFHub1aProblem.EnergySample]
  }

  func run() throws {
    switch benchmark.lowercased() {
    case "7a":
      let step: any SpectralStepper
      do { step = try StepperRegistry.stepper(named: stepper) } catch {
        throw ValidationError("\(error)")
      }
      guard nx >= 8, nx % 2 == 0 else { throw ValidationError("--nx must be an even number ≥ 8") }
      let dt = self.dt ?? 0.04
      guard dt > 0 else { throw ValidationError("--dt must be positive") }
      let end = until ?? 8
      let error = PFHub7aProblem.run(nx: nx, dt: dt, stepper: step, endTime: end)
      if json {
        try printJSON(Result7a(nx: nx, ny: nx / 2, dt: dt, stepper: step.name, time: end, l2_error: error))
      } else {
        print("PFHub 7a  Nx=\(nx) Ny=\(nx / 2) dt=\(dt) \(step.name)  L2 error at t=\(end): \(error)")
      }
    case "1a":
      let dt = self.dt ?? 0.01
      guard dt > 0, every > 0 else { throw ValidationError("--dt and --every must be positive") }
      let end = until ?? 50
      let problem = PFHub1aProblem()
      let result = problem.run(endTime: end, dt: dt, outputInterval: every)
      if json {
        try printJSON(Result1a(dt: dt, mass_drift: result.massDrift, free_energy: result.samples))
      } else {
        print("time,free_energy")
        for s in result.samples { print("\(s.time),\(s.freeEnergy)") }
      }
    default:
      throw ValidationError("unknown benchmark '\(benchmark)'; expected 7a or 1a")
    }
  }
}
