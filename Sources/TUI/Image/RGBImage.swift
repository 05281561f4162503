/// An 8-bit RGB image, row 0 at the top, 3 bytes per pixel (R, G, B), rows packed: the input
/// of the sixel and kitty graphics encoders.
public struct RGBImage: Hashable, Sendable {
  public var width: Int
  public var height: Int
  /// width · height · 3 bytes.
  public var pixels: [UInt8]

  /// Nil when `pixels` does not hold width · height · 3 bytes or a side is not positive.
  public init?(width: Int, height: Int, pixels: [UInt8]) {
    guard width > 0, height > 0, pixels.count == width * height * 3 else { return nil }
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// An image of one colour.
  public init?(width: Int, height: Int, filledWith rgb: (UInt8, UInt8, UInt8)) {
    guard width > 0, height > 0 else { return nil }
    self.width = width
    self.height = height
    var bytes = [UInt8]()
    bytes.reserveCapacity(width * height * 3)
    for _ in 0..<(width * height) { bytes += [rgb.0, rgb.1, rgb.2] }
    pixels = bytes
  }

  public func pixel(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8) {
    let i = 3 * (y * width + x)
    return (pixels[i], pixels[i + 1], pixels[i + 2])
  }

  public mutating func setPixel(x: Int, y: Int, _ rgb: (UInt8, UInt8, UInt8)) {
    guard x >= 0, x < width, y >= 0, y < height else { return }
    let i = 3 * (y * width + x)
    pixels[i] = rgb.0
    pixels[i + 1] = rgb.1
    pixels[i + 2] = rgb.2
  }
}
