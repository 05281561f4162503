/// The synthetic traces of Examples/cycling/ (file name → rows). Every name starts with
/// `synthetic_`; the cells follow the study's (paper.md) headline numbers, the shapes are
/// illustrative.
public enum CyclingExamples {
  public static func all() -> [(String, [CyclingRecord])] {
    // Li/LPSC/8S-2O/LPSC/Li, 10 mm die, time-constant ramp 0.1 → 4.4 mA/cm² by 0.1, 0.5 h per
    // half-cycle, a soft short at 3.0 mA/cm², a hard short at 4.4 mA/cm² (the study's CCD).
    var ccd = SyntheticSymmetricCell()
    ccd.currentDensities = (1...44).map { Double($0) / 10 }
    ccd.halfCycleHours = 0.5
    ccd.sampleInterval = 60
    ccd.softShortAtCurrentDensity = 3.0
    ccd.softShortFraction = 0.2  // six samples: longer than the detector's 5-point median
    ccd.shortAtCurrentDensity = 4.4
    ccd.noise = 0.0003
    ccd.seed = 7
    // The capacity-constant mode at 1.5 mAh/cm² (0.4 → 4.4 mA/cm² by 0.4).
    var capacity = SyntheticSymmetricCell()
    capacity.currentDensities = (1...11).map { Double($0) * 0.4 }
    capacity.halfCycleCapacity = 1.5
    capacity.sampleInterval = 120
    capacity.shortAtCurrentDensity = 4.4
    capacity.noise = 0.0003
    capacity.seed = 8
    // Long cycling at 0.5 mA/cm², 1 h half-cycles for 1600 h, ASR rising 20 → 36 Ω·cm².
    var long = SyntheticSymmetricCell()
    long.currentDensities = Array(repeating: 0.5, count: 800)
    long.halfCycleHours = 1
    long.sampleInterval = 600
    long.resistanceGrowthPerHour = 0.0005
    long.noise = 0.0002
    long.seed = 9
    // Li/LPSC/8S-2O/LPSC/LCO at 1C for 1200 cycles, 127.8 → 109.4 mAh/g.
    let fade = SyntheticFullCell()
    // A rate test: five cycles each at 0.1, 0.2, 0.5, 1, 2 and back to 0.1C.
    var rate = SyntheticFullCell()
    rate.cRates = [0.1, 0.2, 0.5, 1, 2, 0.1].flatMap { Array(repeating: $0, count: 5) }
    rate.rateLoss = 0.12
    rate.pointsPerHalfCycle = 20
    return [
      ("synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_time-constant.bdf.csv", ccd.records()),
      ("synthetic_Li-LPSC-8S2O-LPSC-Li_ccd_capacity-constant.bdf.csv", capacity.records()),
      ("synthetic_Li-LPSC-8S2O-LPSC-Li_long-cycling_0.5mA.bdf.csv", long.records()),
      ("synthetic_Li-LPSC-8S2O-LPSC-LCO_1C_1200-cycles.bdf.csv", fade.records()),
      ("synthetic_Li-LPSC-8S2O-LPSC-LCO_rate-test.bdf.csv", rate.records()),
    ]
  }
}
