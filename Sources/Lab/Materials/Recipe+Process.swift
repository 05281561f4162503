extension Recipe {
  /// The steps of a batch with durations and ball masses, the total process time, and the
  /// temperature programme as (h, °C) points. The profile runs along process time: steps that
  /// are not heat treatments stay at the start temperature of the next (or previous) heat
  /// treatment; a heat treatment ramps at its rate (a vertical step without one), holds, and
  /// cools at its rate (a step down without one). Powder in a mill is `powderBeforeHeat` until
  /// the first heat treatment and `powderAfterHeat` after it.
  func processLines(powderBeforeHeat: Double, powderAfterHeat: Double)
    -> (steps: [StepLine], totalHours: Double, profile: [HeatPoint])
  {
    let room =
      steps.compactMap { step -> Double? in
        if case .heat(let h) = step.kind { return h.startCelsius } else { return nil }
      }.first ?? 25
    var lines: [StepLine] = []
    var profile: [HeatPoint] = [HeatPoint(hours: 0, celsius: room)]
    var clock = 0.0
    var heated = false
    func point(_ hours: Double, _ celsius: Double) {
      if let last = profile.last, last.hours == hours, last.celsius == celsius { return }
      profile.append(HeatPoint(hours: hours, celsius: celsius))
    }
    for (index, step) in steps.enumerated() {
      var powder: Double?
      var balls: Double?
      switch step.kind {
      case .ballMill(let mill):
        powder = heated ? powderAfterHeat : powderBeforeHeat
        if let ratio = mill.ballToPowderRatio, let powder { balls = ratio * powder }
        clock += mill.hours
        point(clock, profile.last?.celsius ?? room)
      case .mix(let mix):
        clock += mix.hours
        point(clock, profile.last?.celsius ?? room)
      case .heat(let heat):
        heated = true
        point(clock, heat.startCelsius)
        clock += heat.rampHours
        point(clock, heat.targetCelsius)
        clock += heat.holdHours
        point(clock, heat.targetCelsius)
        clock += heat.coolHours
        point(clock, heat.startCelsius)
      }
      lines.append(
        StepLine(
          number: index + 1, summary: step.summary, hours: step.hours, powderMassGrams: powder,
          ballMassGrams: balls, line: step.line))
    }
    return (lines, clock, profile)
  }
}
