import Engine

extension FuzzFamily {
  /// Phase-field snapshots (`VTKImageData.parse`, the restart checkpoints and the Simulation
  /// pane's heat maps). Every value of an accepted snapshot must be finite.
  public static let vtk = FuzzFamily(
    name: "vtk",
    seeds: ["Tests/Fuzz/seeds/vtk"],
    extensions: ["vti"],
    fileName: { _ in "fuzz.vti" },
    judge: { bytes, fileName in
      do {
        let image = try VTKImageData.parse(String(fuzzBytes: bytes), fileName: fileName)
        return .all(image.pointFields.map { .finite($0.values, "value of field \($0.name)") })
      } catch {
        return .judging(error, fileName: fileName)
      }
    })
}
