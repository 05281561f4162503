import ArgumentParser
import Engine
import Foundation

struct SimBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time per step of the spectral solvers (allen-cahn, model), single thread."
  )

  @Argument(help: "What to time: allen-cahn or model.") var problem: String
  @Option(help: "Grid points per side.") var grid: Int = 256
  @Option(help: "Timed steps.") var steps: Int?
  @Flag(help: "model: couple the mechanics equation.") var mechanics = false
  @Flag(help: "Print one JSON document.") var json = false

  struct AllenCahnResult: Encodable {
    var problem = "allen-cahn"
    var grid: Int
    var steps: Int
    var ms_per_step: Double
    var fft_floor_ms: Double
  }

  func run() throws {
    guard grid >= 8 else { throw ValidationError("--grid must be ≥ 8") }
    switch problem.lowercased() {
    case "allen-cahn":
      let model = AllenCahnProblem(size: grid, length: Double(grid))
      var state = SpectralState(u: model.noisyInitialState(), transform: model.transform)
      let stepper = IMEXEulerStepper()
      let n = steps ?? max(20, 5_000_000 / (grid * grid))
      stepper.advance(&state, problem: model, dt: 0.1)  // warm-up
      let clock = ContinuousClock()
      let elapsed = clock.measure {
        for _ in 0..<n { stepper.advance(&state, problem: model, dt: 0.1) }
      }
      var hat = state.uHat, field = state.u
      let fft = clock.measure {
        for _ in 0..<n {
          model.transform.forward(field, into: &hat)
          model.transform.inverse(hat, into: &field)
        }
      }
      let result = AllenCahnResult(grid: grid, steps: n, ms_per_step: milliseconds(elapsed) / Double(n),
                                   fft_floor_ms: milliseconds(fft) / Double(n))
      if json { try printJSON(result) } else {
        print("Allen–Cahn \(grid)²: \(result.ms_per_step) ms/step (FFT floor \(result.fft_floor_ms) ms)")
      }
    case "model":
      try SimModelBench(grid: grid, steps: steps, mechanics: mechanics, json: json).run()
    default:
      throw ValidationError("unknown benchmark '\(problem)'; expected allen-cahn or model")
    }
  }
}

func milliseconds(_ d: Duration) -> Double {
  let c = d.components
  return Double(c.seconds) * 1e3 + Double(c.attoseconds) * 1e-15
}
