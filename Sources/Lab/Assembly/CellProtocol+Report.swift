import Engine
import Formats

extension CellProtocol {
  /// Derives every number of the protocol. Layers are stacked in step order (`position` top or
  /// bottom); a powder layer's thickness is t = m/(A·ρ·φ) with ρ from `materials` (composites by
  /// the rule of mixtures through `recipes`) and φ its relative density; a foil's mass is the
  /// inverse; a cathode's mass comes from its loading. Each pressing reports F = P·A in kN and
  /// tonnes-force on its die. The cathode capacity is Q = m_active·q (q = 160 mAh/g for LiCoO2 by
  /// the study's convention, unless the layer or table says otherwise), the current for a C-rate
  /// I = C·Q/1 h, and for a current density I = j·A with A the die area. A metal foil with a
  /// specific capacity (Li, 3860 mAh/g) reports ρ·10⁻⁴·q mAh/cm² per µm. A powder layer whose
  /// density is unknown is an `InputError` at its step's line.
  public func report(materials: MaterialsTable = .builtIn, recipes: RecipeLibrary = RecipeLibrary())
    throws -> ProtocolReport
  {
    let dieArea = CellMath.area(diameterMillimetres: dieDiameterMillimetres)
    var stack: [LayerReport] = []
    var presses: [PressReport] = []
    var cathode: CathodeReport?
    var foils: [FoilCapacityReport] = []
    for (index, step) in steps.enumerated() {
      let number = index + 1
      switch step.kind {
      case .action:
        continue
      case .press(let pressing):
        let d = pressing.dieDiameterMillimetres ?? dieDiameterMillimetres
        let force = CellMath.forceKilonewtons(pressureMegapascals: pressing.pressureMegapascals, diameterMillimetres: d)
        presses.append(
          PressReport(
            step: number, pressureMegapascals: pressing.pressureMegapascals,
            holdHours: pressing.holdHours, dieDiameterMillimetres: d,
            areaCm2: CellMath.area(diameterMillimetres: d), forceKilonewtons: force,
            tonnesForce: CellMath.tonnesForce(kilonewtons: force), layersPressed: stack.map(\.name)))
      case .layer(let spec):
        let layer = try layerReport(spec, step: number, line: step.line, materials: materials, recipes: recipes)
        if spec.position == .bottom { stack.insert(layer, at: 0) } else { stack.append(layer) }
        if let loading = spec.cathode, cathode == nil, let layerMass = layer.massMilligrams {
          cathode = try cathodeReport(layer, loading, layerMass, line: step.line, materials: materials)
        } else if spec.cathode == nil, spec.role == .anode || spec.role == .electrode,
          let thickness = spec.thicknessMicrometres, let entry = materials.entry(spec.material),
          let q = entry.specificCapacityMilliampHoursPerGram
        {
          let perMicrometre = CellMath.arealCapacityPerMicrometre(density: entry.densityGramsPerCm3, specificCapacity: q)
          foils.append(
            FoilCapacityReport(
              layer: spec.name, thicknessMicrometres: thickness,
              perMicrometreMilliampHoursPerCm2: perMicrometre,
              arealCapacityMilliampHoursPerCm2: perMicrometre * thickness))
        }
      }
    }
    let currents = currentDensitiesMilliampsPerCm2.map {
      CurrentPoint(cRate: nil, currentDensityMilliampsPerCm2: $0, currentMilliamps: $0 * dieArea)
    }
    return ProtocolReport(
      id: id, title: title, dieDiameterMillimetres: dieDiameterMillimetres, dieAreaCm2: dieArea,
      layers: stack, presses: presses, cathode: cathode, foils: foils, currents: currents,
      notes: notes)
  }

  private func layerReport(
    _ spec: LayerSpec, step: Int, line: Int?, materials: MaterialsTable, recipes: RecipeLibrary
  ) throws -> LayerReport {
    let diameter = spec.diameterMillimetres ?? dieDiameterMillimetres
    let area = CellMath.area(diameterMillimetres: diameter)
    var density = materials.density(of: spec.material, recipes: recipes)
    if let phi = spec.relativeDensity, let known = density {
      density = ResolvedDensity(gramsPerCm3: known.gramsPerCm3, relativeDensity: phi, source: known.source)
    }
    var mass = spec.massMilligrams
    var thickness = spec.thicknessMicrometres
    var derivedFrom = "none"
    if let loading = spec.cathode {
      let loaded = loading.milligramsPerCm2 * area
      mass = loading.activeBasis ? loaded / loading.activeFraction : loaded
      derivedFrom = "loading"
    } else if mass != nil {
      derivedFrom = "mass"
    } else if thickness != nil {
      derivedFrom = "thickness"
    }
    if let m = mass, thickness == nil {
      guard let density else {
        throw InputError(
          "no density known for material `\(spec.material)`: add it to materials.toml "
            + "(needed for the thickness of \(spec.name))", file: file, line: line)
      }
      thickness = CellMath.thicknessMicrometres(
        massMilligrams: m, areaCm2: area, density: density.gramsPerCm3,
        relativeDensity: density.relativeDensity)
    } else if let t = thickness, mass == nil, let density {
      mass = CellMath.massMilligrams(
        thicknessMicrometres: t, areaCm2: area, density: density.gramsPerCm3,
        relativeDensity: density.relativeDensity)
    }
    return LayerReport(
      name: spec.name, material: spec.material, role: spec.role, diameterMillimetres: diameter,
      areaCm2: area, massMilligrams: mass, thicknessMicrometres: thickness,
      arealLoadingMilligramsPerCm2: mass.map { $0 / area }, derivedFrom: derivedFrom,
      density: density, note: spec.note, step: step)
  }

  private func cathodeReport(
    _ layer: LayerReport, _ loading: CathodeLoading, _ layerMass: Double, line: Int?,
    materials: MaterialsTable
  ) throws -> CathodeReport {
    guard
      let q = loading.specificCapacityMilliampHoursPerGram
        ?? materials.entry(loading.activeMaterial)?.specificCapacityMilliampHoursPerGram
    else {
      throw InputError(
        "no specific capacity for `\(loading.activeMaterial)`: set specific_capacity_mah_g",
        file: file, line: line)
    }
    let active = layerMass * loading.activeFraction
    let capacity = active / 1000 * q
    let currents = cRates.map { c in
      let current = CellMath.currentMilliamps(cRate: c, activeMassMilligrams: active, specificCapacity: q)
      return CurrentPoint(
        cRate: c, currentDensityMilliampsPerCm2: current / layer.areaCm2, currentMilliamps: current)
    }
    return CathodeReport(
      layer: layer.name, activeMaterial: loading.activeMaterial, activeMassMilligrams: active,
      layerMassMilligrams: layerMass, specificCapacityMilliampHoursPerGram: q,
      capacityMilliampHours: capacity, arealCapacityMilliampHoursPerCm2: capacity / layer.areaCm2,
      currents: currents)
  }
}
