import ArgumentParser
import Engine
import Foundation

struct SimBenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time per step of the spectral solvers (allen-cahn, model); model on --threads threads."
  )

  @Argument(help: "What to time: allen-cahn or model.") var problem: String
  @Option(help: "Grid points per side.") var grid: Int = 256
  @Option(help: "Timed steps.") var steps: Int?
  @Flag(help: "model: couple the mechanics equation.") var mechanics = false
  @Flag(help: "Print one JSON document.") var json = false
  @Option(help: "model: threads for the step (default: the machine's cores; 1 = one thread).") var threads: Int?

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
      // measured plans as in `sim run` (recorded for the next process; switched on before the
      // transform is planned), and the step `sim run` takes: IMEX Euler's one-transform path
      // from the physical state (no spectrum carried)
      let wisdom = FFTWisdomStore(runFolder: nil)
      wisdom.activate()
      let model = AllenCahnProblem(size: grid, length: Double(grid))
      var field = model.noisyInitialState(), next: [Double] = []
      let stepper = IMEXEulerStepper()
      let n = steps ?? max(20, 5_000_000 / (grid * grid))
      let dt = 0.1
      stepper.advancePhysical(field, into: &next, problem: model, time: 0, dt: dt)  // warm-up
      swap(&field, &next)
      wisdom.save()
      let clock = ContinuousClock()
      let elapsed = clock.measure {
        for step in 0..<n {
          stepper.advancePhysical(field, into: &next, problem: model, time: Double(step) * dt, dt: dt)
          swap(&field, &next)
        }
      }
      // the floor: the same forward and inverse transforms through the same buffers, and
      // nothing else
      let fft = clock.measure {
        for _ in 0..<n {
          model.transform.forwardIntoSpectrumBuffer { target in
            field.withUnsafeBufferPointer { source in
              for k in 0..<source.count { target[k] = source[k] }
            }
          }
          model.transform.inverseOfSpectrumBuffer(into: &field)
        }
      }
      let result = AllenCahnResult(grid: grid, steps: n, ms_per_step: milliseconds(elapsed) / Double(n),
                                   fft_floor_ms: milliseconds(fft) / Double(n))
      if json { try printJSON(result) } else {
        print("Allen–Cahn \(grid)²: \(result.ms_per_step) ms/step (FFT floor \(result.fft_floor_ms) ms)")
      }
    case "model":
      let count = try threadCount(threads)
      ParallelWork.threads = count
      try SimModelBench(grid: grid, steps: steps, mechanics: mechanics, threads: count, json: json).run()
    default:
      throw ValidationError("unknown benchmark '\(problem)'; expected allen-cahn or model")
    }
  }
}

func milliseconds(_ d: Duration) -> Double {
  let c = d.components
  return Double(c.seconds) * 1e3 + Double(c.attoseconds) * 1e-15
}
