/// A rectangle of grid points: columns x…x+width−1, rows y…y+height−1 (row 0 = the grid's
/// first row, which a field map draws at the bottom).
public struct GridRegion: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }
}

/// Reduces a field to a smaller grid for drawing: each output point is the mean of the block
/// of input points that falls on it (block i of n over a region of w points covers points
/// ⌊i·w/n⌋ … ⌊(i+1)·w/n⌋ − 1), so a thin feature (a dendrite one grid point wide) still
/// shifts its block's colour instead of vanishing between samples. Non-finite points are left
/// out of the mean; a block with no finite point is NaN (drawn as background). Where the output
/// is larger than the region a point repeats (nearest input point).
public enum FieldDownsample {
  /// - Parameters:
  ///   - values: row-major, `columns` per row (x fastest).
  ///   - region: the part of the grid to reduce (clipped to the grid).
  ///   - outputColumns, outputRows: the size of the result.
  /// - Returns: `outputColumns · outputRows` values, row-major, row 0 from the region's first row;
  ///   empty when the region or the output is empty or `values` is shorter than the grid.
  public static func blockAverage(_ values: [Double], columns: Int, rows: Int, region: GridRegion,
                                  outputColumns: Int, outputRows: Int) -> [Double] {
    let x0 = Swift.max(0, region.x), y0 = Swift.max(0, region.y)
    let x1 = Swift.min(columns, region.x + region.width), y1 = Swift.min(rows, region.y + region.height)
    let w = x1 - x0, h = y1 - y0
    guard w > 0, h > 0, outputColumns > 0, outputRows > 0, values.count >= columns * rows else { return [] }
    // An output larger than the region along either axis: the general (slower) path.
    if outputColumns > w || outputRows > h {
      return mixed(values, columns: columns, x0: x0, y0: y0, w: w, h: h, outputColumns: outputColumns, outputRows: outputRows)
    }
    // The output block of every input column, computed once; rows map the same way per row.
    var columnBlock = [Int](repeating: 0, count: w)
    for i in 0..<w { columnBlock[i] = i * outputColumns / w }
    var sums = [Double](repeating: 0, count: outputColumns * outputRows)
    var counts = [Int32](repeating: 0, count: outputColumns * outputRows)
    values.withUnsafeBufferPointer { input in
      sums.withUnsafeMutableBufferPointer { sum in
        counts.withUnsafeMutableBufferPointer { count in
          for j in 0..<h {
            let base = (j * outputRows / h) * outputColumns
            let rowStart = (y0 + j) * columns + x0
            for i in 0..<w {
              let v = input[rowStart + i]
              if v.isFinite {
                sum[base + columnBlock[i]] += v
                count[base + columnBlock[i]] += 1
              }
            }
          }
        }
      }
    }
    for k in 0..<sums.count { sums[k] = counts[k] > 0 ? sums[k] / Double(counts[k]) : .nan }
    return sums
  }

  /// Blocks along an axis the output is smaller in, the nearest point along one it is larger in.
  static func mixed(_ values: [Double], columns: Int, x0: Int, y0: Int, w: Int, h: Int,
                    outputColumns: Int, outputRows: Int) -> [Double] {
    func span(_ index: Int, _ count: Int, _ length: Int) -> Range<Int> {
      if count > length { let p = index * length / count; return p..<(p + 1) }
      let lo = index * length / count, hi = (index + 1) * length / count
      return lo..<Swift.max(lo + 1, hi)
    }
    var out = [Double](repeating: .nan, count: outputColumns * outputRows)
    for oy in 0..<outputRows {
      let ys = span(oy, outputRows, h)
      for ox in 0..<outputColumns {
        let xs = span(ox, outputColumns, w)
        var sum = 0.0, count = 0
        for y in ys { for x in xs { let v = values[(y0 + y) * columns + x0 + x]; if v.isFinite { sum += v; count += 1 } } }
        out[oy * outputColumns + ox] = count > 0 ? sum / Double(count) : .nan
      }
    }
    return out
  }
}
