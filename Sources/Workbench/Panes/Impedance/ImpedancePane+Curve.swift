import Engine
import Foundation

extension ImpedancePane {
  /// The model curve of the selected spectrum at 20 points a decade over its range.
  mutating func updateCurve() {
    residualsReal = []
    residualsImaginary = []
    guard let entry = current, let circuit else {
      curve = []
      curveFrequencies = []
      return
    }
    let values = displayedParameters.values
    guard values.count == circuit.parameterCount,
      let low = entry.spectrum.frequencies.filter({ $0 > 0 }).min(), let high = entry.spectrum.frequencies.max(), high > low
    else {
      curve = []
      curveFrequencies = []
      return
    }
    let count = max(2, Int((log10(high / low) * 20).rounded(.up)) + 1)
    curveFrequencies = (0..<count).map { low * pow(high / low, Double($0) / Double(count - 1)) }
    curve = circuit.impedance(values, frequencies: curveFrequencies)
    let spectrum = entry.spectrum
    let model = circuit.impedance(values, frequencies: spectrum.frequencies)
    for i in 0..<spectrum.count {
      let magnitude = (spectrum.real[i] * spectrum.real[i] + spectrum.imaginary[i] * spectrum.imaginary[i]).squareRoot()
      guard magnitude > 0 else { continue }
      residualsReal.append(100 * (model[i].re - spectrum.real[i]) / magnitude)
      residualsImaginary.append(100 * (model[i].im - spectrum.imaginary[i]) / magnitude)
    }
  }
}
