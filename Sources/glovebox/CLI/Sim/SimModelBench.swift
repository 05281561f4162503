import ArgumentParser
import Engine
import Foundation

/// `sim bench model`: time per step of each equation of the Li model on a grid² window at the
/// study's 50 nm spacing, and the FFT floor (the transforms one step executes).
struct SimModelBench {
  var grid: Int
  var steps: Int?
  var mechanics: Bool
  var threads: Int
  var json: Bool

  final class Timer: LiStepTimer {
    let clock = ContinuousClock()
    var totals: [LiStepPart: Double] = [:]
    var cpuTotals: [LiStepPart: Double] = [:]
    func measure(_ part: LiStepPart, _ body: () -> Void) {
      let cpu = threadCPUMilliseconds()
      let d = clock.measure(body)
      totals[part, default: 0] += milliseconds(d)
      cpuTotals[part, default: 0] += threadCPUMilliseconds() - cpu
    }
  }

  /// CPU time of this thread (ms): on a shared machine it leaves out the time the thread
  /// waited for a core, which the wall-clock figures include.

  struct Result: Encodable {
    var problem = "model"
    var grid: Int
    var threads: Int
    var steps: Int
    var ms_per_step: Double
    var ms_phase_field: Double
    var ms_potential: Double
    var ms_concentration: Double
    var ms_mechanics: Double?
    var mechanics: String
    /// "measured" (FFTW_MEASURE with stored wisdom, as `sim run` plans) or "estimated".
    var fftw_plans: String
    var fft_floor_ms: Double
    var ratio_to_fft_floor: Double
    var mean_potential_iterations: Double
    /// Potential preconditioner (multigrid) builds per step in the timed window.
    var potential_preconditioner_builds_per_step: Double
    var mean_mechanics_iterations: Double?
    /// The same split in CPU time of the stepping thread (ms per step; with more than one
    /// thread the other threads' CPU time is not in it).
    var cpu_ms_per_step: Double
    var cpu_ms_phase_field: Double
    var cpu_ms_potential: Double
    var cpu_ms_concentration: Double
    var cpu_ms_mechanics: Double?
    /// Peak resident memory of the process (MB, getrusage), planning and warm-up included.
    var max_rss_mb: Double
  }

  func run() throws {
    var numerics = LiModelNumerics()
    numerics.nx = grid
    numerics.ny = grid
    numerics.lengthX = Double(grid) * 50e-9
    numerics.lengthY = numerics.lengthX
    let physics = LiModelPhysics()  // the built-in values (parse("") is now refused: a run must name its physics)
    var nucleus = LiNucleus()
    nucleus.layerThickness = 0.1 * numerics.lengthY
    nucleus.radius = 0.2 * numerics.lengthY
    var elastic = SimulationConfig.MechanicsSettings()
    elastic.enabled = mechanics
    elastic.vegardCoefficient = 0.02
    // the production path of `sim run`: measured FFTW plans, recorded for the next process
    let wisdom = FFTWisdomStore(runFolder: nil)
    let measured = wisdom.activate()
    let model = try LiModel(physics: physics, numerics: numerics,
                            state: LiModel.initialState(physics: physics, numerics: numerics, nucleus: nucleus),
                            mechanics: elastic)
    // Warm-up: plans, caches and Δt grown from its initial value (×1.25 per step) to where the
    // step is limited by the change of ξ. The timed window is long enough to include the
    // potential preconditioner's rebuilds (a short window right after the warm-up would time
    // only the cheap steps that reuse a fresh one).
    for _ in 0..<10 { try model.step() }
    wisdom.save()
    let n = steps ?? max(40, 2_000_000 / (grid * grid))
    let timer = Timer()
    let buildsBefore = model.preconditionerBuilds
    var iterations = 0, mechanicsIterations = 0
    let clock = ContinuousClock()
    let cpuStart = threadCPUMilliseconds()
    let total = try clock.measure {
      for _ in 0..<n {
        let d = try model.step(timer: timer)
        iterations += d.potentialIterations
        mechanicsIterations += d.mechanicsIterations
      }
    }
    let cpuTotal = threadCPUMilliseconds() - cpuStart
    let floor = clock.measure { for _ in 0..<n { model.runFFTFloorTransforms() } }
    let perStep = milliseconds(total) / Double(n)
    let floorMs = milliseconds(floor) / Double(n)
    let result = Result(
      grid: grid, threads: threads, steps: n, ms_per_step: perStep,
      ms_phase_field: (timer.totals[.phaseField] ?? 0) / Double(n),
      ms_potential: (timer.totals[.potential] ?? 0) / Double(n),
      ms_concentration: (timer.totals[.concentration] ?? 0) / Double(n),
      ms_mechanics: mechanics ? (timer.totals[.mechanics] ?? 0) / Double(n) : nil,
      mechanics: mechanics ? "on (Li 4.9 GPa / LPSC 22 GPa, Vegard 0.02)" : "off",
      fftw_plans: measured ? "measured" : "estimated",
      fft_floor_ms: floorMs, ratio_to_fft_floor: perStep / floorMs,
      mean_potential_iterations: Double(iterations) / Double(n),
      potential_preconditioner_builds_per_step: Double(model.preconditionerBuilds - buildsBefore) / Double(n),
      mean_mechanics_iterations: mechanics ? Double(mechanicsIterations) / Double(n) : nil,
      cpu_ms_per_step: cpuTotal / Double(n),
      cpu_ms_phase_field: (timer.cpuTotals[.phaseField] ?? 0) / Double(n),
      cpu_ms_potential: (timer.cpuTotals[.potential] ?? 0) / Double(n),
      cpu_ms_concentration: (timer.cpuTotals[.concentration] ?? 0) / Double(n),
      cpu_ms_mechanics: mechanics ? (timer.cpuTotals[.mechanics] ?? 0) / Double(n) : nil,
      max_rss_mb: peakResidentMegabytes())
    if json { try printJSON(result) } else {
      print(String(format: "model %d², %d thread(s): %.2f ms/step (ξ %.2f, φ %.2f, c %.2f), FFT floor %.2f ms (×%.1f), CG %.1f it/step",
                   grid, threads, perStep, result.ms_phase_field, result.ms_potential, result.ms_concentration, floorMs,
                   result.ratio_to_fft_floor, result.mean_potential_iterations))
    }
  }
}

/// Peak resident set of this process in MB (Linux reports ru_maxrss in KiB).
func peakResidentMegabytes() -> Double {
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  return Double(usage.ru_maxrss) / 1024
}

/// CPU time of the calling thread (ms): on a shared machine it leaves out the time the thread
/// waited for a core, which wall-clock figures include.
func threadCPUMilliseconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) * 1e3 + Double(spec.tv_nsec) / 1e6
}
