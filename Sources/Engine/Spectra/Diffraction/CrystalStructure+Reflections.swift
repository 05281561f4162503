import Formats
import Foundation

/// A set of symmetry-equivalent reflections: one representative, the count and the spacing.
struct ReflectionFamily: Sendable {
  var h: Int
  var k: Int
  var l: Int
  var multiplicity: Int
  var d: Double
}

extension CrystalStructure {
  /// The Laue group acting on Miller indices: the distinct rotations R of the operations with
  /// their negatives (Friedel's law), each applied as h′ = h R (h a row vector), since
  /// h·(R x + t) = (h R)·x + h·t keeps |F| unchanged.
  var laueRotations: [[Int]] {
    var list: [[Int]] = []
    for op in operations {
      for r in [op.rotation, op.rotation.map { -$0 }] where !list.contains(r) { list.append(r) }
    }
    return list
  }

  /// The representative shown for a family: fewest negative indices, then the largest
  /// (h, k, l) in lexicographic order — (1 1 1) rather than (1 1 −1), (0 1 2) rather than (1 0 −2).
  static func preferredRepresentative(_ a: SIMD3<Int>, over b: SIMD3<Int>) -> Bool {
    let negativesA = (a.x < 0 ? 1 : 0) + (a.y < 0 ? 1 : 0) + (a.z < 0 ? 1 : 0)
    let negativesB = (b.x < 0 ? 1 : 0) + (b.y < 0 ? 1 : 0) + (b.z < 0 ? 1 : 0)
    if negativesA != negativesB { return negativesA < negativesB }
    return (a.x, a.y, a.z) > (b.x, b.y, b.z)
  }

  /// Every reflection family with 2θ in [min, max] for wavelength λ (Å): all (h, k, l) with
  /// |h| ≤ a·d*max (and likewise k, l; d*max = 2 sin θmax / λ, valid for any cell since
  /// h = a·d*), grouped into orbits of the Laue group.
  func reflectionFamilies(wavelength lambda: Double, twoThetaMin: Double, twoThetaMax: Double) throws(InputError) -> [ReflectionFamily] {
    let dStarMax = 2 * sin(twoThetaMax * .pi / 360) / lambda
    let dStarMin = 2 * sin(twoThetaMin * .pi / 360) / lambda
    let maxSq = dStarMax * dStarMax * (1 + 1e-12)
    let minSq = dStarMin * dStarMin * (1 - 1e-12)
    let hMax = Int((cell.a * dStarMax).rounded(.down))
    let kMax = Int((cell.b * dStarMax).rounded(.down))
    let lMax = Int((cell.c * dStarMax).rounded(.down))
    let nh = 2 * hMax + 1, nk = 2 * kMax + 1, nl = 2 * lMax + 1
    guard Double(nh) * Double(nk) * Double(nl) <= Double(Self.maximumReciprocalPoints) else {
      throw InputError("""
        a cell and 2θ range with at most \(Self.maximumReciprocalPoints) reciprocal-lattice points \
        (|h| ≤ \(hMax), |k| ≤ \(kMax), |l| ≤ \(lMax)); lower the 2θ maximum
        """)
    }
    let g = cell.reciprocalMetric
    let rotations = laueRotations
    var visited = [Bool](repeating: false, count: nh * nk * nl)
    @inline(__always) func index(_ h: Int, _ k: Int, _ l: Int) -> Int { ((h + hMax) * nk + (k + kMax)) * nl + (l + lMax) }
    var families: [ReflectionFamily] = []
    var orbit: [SIMD3<Int>] = []
    for h in -hMax...hMax {
      for k in -kMax...kMax {
        for l in -lMax...lMax {
          if visited[index(h, k, l)] || (h == 0 && k == 0 && l == 0) { continue }
          let q = cell.inverseDSquared(h, k, l, reciprocalMetric: g)
          guard q <= maxSq, q >= minSq, q > 0 else { continue }
          orbit.removeAll(keepingCapacity: true)
          var best = SIMD3(h, k, l)
          for r in rotations {
            let image = SIMD3(h * r[0] + k * r[3] + l * r[6], h * r[1] + k * r[4] + l * r[7], h * r[2] + k * r[5] + l * r[8])
            if orbit.contains(image) { continue }
            orbit.append(image)
            if Self.preferredRepresentative(image, over: best) { best = image }
            // Equal d guarantees the image is inside the box; guard anyway against a setting the
            // validation let through with a slightly inconsistent metric.
            if abs(image.x) <= hMax, abs(image.y) <= kMax, abs(image.z) <= lMax {
              visited[index(image.x, image.y, image.z)] = true
            }
          }
          families.append(ReflectionFamily(h: best.x, k: best.y, l: best.z, multiplicity: orbit.count, d: 1 / q.squareRoot()))
        }
      }
    }
    return families
  }
}
