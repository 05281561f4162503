import Foundation
import XCTest

@testable import Engine

/// The minimizer's observer and the circuit pipeline's stages, on data with independent answers:
/// NIST StRD Misra1a (certified values typed in from the NIST page, as in `NISTStRDTests`) and
/// impedance.py's example spectrum (its optimum χ² = 1.570987e-05, `CircuitFitTests`).
final class FitObserverTests: XCTestCase {
  /// What an observer saw (the fit calls it on the fitting thread; the lock keeps Swift 6 happy).
  final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [FitProgress] = []
    var progress: [FitProgress] {
      lock.lock()
      defer { lock.unlock() }
      return seen
    }

    func observer(stopAt stop: Int? = nil) -> FitObserver {
      FitObserver { progress in
        self.lock.lock()
        self.seen.append(progress)
        self.lock.unlock()
        return progress.iteration == stop ? .stop : .proceed
      }
    }
  }

  static let misraX = [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0]
  static let misraY = [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78]

  /// Misra1a, y = b1 (1 − exp(−b2 x)), with its analytic Jacobian.
  static var misra: FitModel {
    let x = misraX, y = misraY
    return FitModel(
      residualCount: x.count,
      residuals: { b in (0..<x.count).map { b[0] * (1 - exp(-b[1] * x[$0])) - y[$0] } },
      jacobian: { b in Matrix((0..<x.count).map { [1 - exp(-b[1] * x[$0]), b[0] * x[$0] * exp(-b[1] * x[$0])] }) })
  }

  /// NIST's first start for Misra1a.
  static let misraStart = Parameters([Parameter("b1", value: 500), Parameter("b2", value: 1e-4)])

  func testObserverSeesEveryIterationInOrderFromTheStart() {
    let recorder = Recorder()
    let result = Minimizer(model: Self.misra).minimize(Self.misraStart, observer: recorder.observer())
    // Certified b1 = 2.3894212918E+02, b2 = 5.5015643181E-04: the observed fit is the real one.
    XCTAssertTrue(result.success, result.message)
    XCTAssertEqual(result.values[0], 2.3894212918e2, accuracy: 2.3894212918e2 * 5e-7)
    XCTAssertEqual(result.values[1], 5.5015643181e-4, accuracy: 5.5015643181e-4 * 5e-7)
    let seen = recorder.progress
    XCTAssertEqual(seen.map(\.iteration), Array(1...result.iterations))
    XCTAssertEqual(seen.first?.values, [500, 1e-4])
    // χ² at NIST's start, by hand: Σ (500 (1 − e^(−1e-4 x)) − y)².
    let chi2Start = zip(Self.misraX, Self.misraY).reduce(0.0) { sum, point in
      let d = 500 * (1 - exp(-1e-4 * point.0)) - point.1
      return sum + d * d
    }
    XCTAssertEqual(seen.first?.chiSquare ?? 0, chi2Start, accuracy: chi2Start * 1e-12)
    XCTAssertTrue(seen.allSatisfy { $0.stage == nil })
    // Accepted steps only: χ² never rises from one iteration to the next.
    for (a, b) in zip(seen, seen.dropFirst()) { XCTAssertLessThanOrEqual(b.chiSquare, a.chiSquare) }
    XCTAssertFalse(result.stopped)
  }

  func testStopEndsTheMinimisationWithAStoppedResult() {
    let recorder = Recorder()
    let result = Minimizer(model: Self.misra).minimize(Self.misraStart, observer: recorder.observer(stopAt: 3))
    XCTAssertTrue(result.stopped)
    XCTAssertFalse(result.success)
    XCTAssertTrue(result.message.contains("stopped"), result.message)
    XCTAssertEqual(result.iterations, 2, "two iterations done, the third refused")
    XCTAssertEqual(recorder.progress.map(\.iteration), [1, 2, 3])
    // The result is the point the third call was shown, with its χ².
    XCTAssertEqual(result.values, recorder.progress.last?.values)
    XCTAssertEqual(result.chiSquare, recorder.progress.last?.chiSquare ?? 0, accuracy: 0)
  }

  /// The multi-start search reports every iteration of every start and refinement, numbered on
  /// across stages, and still reaches impedance.py's optimum.
  func testCircuitSearchNumbersIterationsAcrossItsStages() throws {
    let request = CircuitFitRequest(
      circuit: try Circuit("L0-R0-p(R1,CPE1)-p(R2,CPE2)"), spectrum: try loadExampleSpectrum())
    let recorder = Recorder()
    let result = CircuitFit.run(request, observer: recorder.observer())
    XCTAssertEqual(result.chiSquare, 1.570987e-05, accuracy: 1e-10)
    let seen = recorder.progress
    XCTAssertEqual(seen.map(\.iteration), Array(1...seen.count))
    let stages = seen.compactMap(\.stage).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
    let starts = (1...14).map { "start \($0)/14" }
    XCTAssertEqual(stages, starts + ["refining 1/3", "refining 2/3", "refining 3/3"])
    // A request giving every parameter is one local fit.
    let local = CircuitFitRequest(circuit: request.circuit, spectrum: request.spectrum, given: result.parameters)
    let again = Recorder()
    let polished = CircuitFit.run(local, observer: again.observer())
    XCTAssertEqual(Set(again.progress.compactMap(\.stage)), ["local"])
    XCTAssertEqual(again.progress.count, polished.iterations)
  }

  func testStopEndsTheWholeCircuitSearch() throws {
    let request = CircuitFitRequest(
      circuit: try Circuit("L0-R0-p(R1,CPE1)-p(R2,CPE2)"), spectrum: try loadExampleSpectrum(), search: .global)
    let recorder = Recorder()
    let result = CircuitFit.run(request, observer: recorder.observer(stopAt: 25))
    XCTAssertTrue(result.stopped)
    XCTAssertFalse(result.success)
    XCTAssertEqual(recorder.progress.count, 25, "no iteration after the stop")
    XCTAssertEqual(request.report(result).stopped, true)
  }
}
