import Formats

/// Decodes the records of an `.mpr` `VMP data` module into named columns.
enum MPRDataModule {
  /// One field of a record: where it sits and how it is encoded. `flagMask` is set for the
  /// columns that are bits of the shared flags byte; `name` is nil for a skipped unknown field.
  struct Field {
    var name: String?
    var type: ECLabValueType
    var offset: Int
    var flagMask: UInt8?
  }

  /// Where the records of a data module are and how each is laid out; `fields` are the named
  /// columns in file order (a repeated name gets ` 2`, ` 3`, …).
  struct Records {
    var pointCount: Int
    var recordSize: Int
    /// File offset of the first record.
    var start: Int
    var fields: [Field]
  }

  /// The most content bytes a data module's header takes (version 0 of EC-Lab ≥ 11.50).
  static let longestHeader = 1007

  /// Reads the layout from the module's first bytes: `header` is the content from its start,
  /// at least `longestHeader` bytes or all of the content when it is shorter.
  static func records(header: [UInt8], module: MPRModule, fileName: String, metadata: inout [String: String]) throws -> Records {
    func fail(_ message: String) -> InputError { InputError(message, file: fileName) }
    let content = module.content
    guard content.count > 5 else {
      throw fail("expected a 'VMP data' module of more than 5 bytes (point and column counts, column ids), found \(content.count) (truncated)")
    }
    guard let layout = MPRDataHeader.of(version: module.version, byteFive: header[5]) else {
      throw fail("expected a 'VMP data' module of version 0, 2 or 3, found version \(module.version), whose layout is not known")
    }
    let recordsStart = layout.recordsStart
    guard content.count >= recordsStart else {
      throw fail("expected a 'VMP data' module (version \(module.version)) of at least \(recordsStart) bytes, found \(content.count) (truncated)")
    }
    let pointCount = Int(MPRModule.uint32(header, at: 0))
    let columnCount = Int(header[4])
    let ids = try layout.columnIDs(header, contentStart: 0, count: columnCount, fail: fail)
    let available = content.count - recordsStart
    var fields = try self.layout(ids: ids, pointCount: pointCount, available: available, fileName: fileName, metadata: &metadata)
    let recordSize = fields.map { $0.offset + $0.type.byteWidth }.max() ?? 0
    guard recordSize > 0 else { throw fail("the 'VMP data' module names no columns") }
    guard pointCount * recordSize <= available else {
      let whole = available / recordSize
      throw fail("the 'VMP data' module declares \(pointCount) records of \(recordSize) bytes, the file holds \(whole) whole records (truncated)")
    }
    fields.removeAll { $0.name == nil }
    var seen: [String: Int] = [:]
    for k in fields.indices {
      guard let name = fields[k].name else { continue }
      seen[name, default: 0] += 1
      if let count = seen[name], count > 1 { fields[k].name = name + " \(count)" }
    }
    return Records(pointCount: pointCount, recordSize: recordSize, start: content.lowerBound + recordsStart, fields: fields)
  }

  /// One field's value in a record that starts at byte `at` of `raw`.
  @inline(__always)
  static func value(_ field: Field, _ raw: UnsafeRawBufferPointer, _ at: Int) -> Double {
    let p = at + field.offset
    switch field.type {
    case .float32: return Double(Float(bitPattern: raw.loadUnaligned(fromByteOffset: p, as: UInt32.self).littleEndian))
    case .float64: return Double(bitPattern: raw.loadUnaligned(fromByteOffset: p, as: UInt64.self).littleEndian)
    case .uint8:
      let byte = raw[p]
      guard let mask = field.flagMask else { return Double(byte) }
      return mask == 0x03 ? Double(byte & mask) : ((byte & mask) != 0 ? 1 : 0)
    case .uint16: return Double(raw.loadUnaligned(fromByteOffset: p, as: UInt16.self).littleEndian)
    case .uint32: return Double(raw.loadUnaligned(fromByteOffset: p, as: UInt32.self).littleEndian)
    }
  }

  /// The whole module as columns (EIS files and other small ones).
  static func decode(bytes: [UInt8], module: MPRModule, fileName: String, selection: Set<String>?, metadata: inout [String: String]) throws -> ECLabTable {
    let content = module.content
    let header = Array(bytes[content.lowerBound..<min(content.upperBound, content.lowerBound + longestHeader)])
    let records = try Self.records(header: header, module: module, fileName: fileName, metadata: &metadata)
    var columns: [ECLabColumn] = []
    columns.reserveCapacity(records.fields.count)
    for field in records.fields {
      guard let name = field.name else { continue }
      if let selection, !selection.contains(name) { continue }
      var values = [Double](repeating: 0, count: records.pointCount)
      bytes.withUnsafeBytes { raw in
        for row in 0..<records.pointCount { values[row] = value(field, raw, records.start + row * records.recordSize) }
      }
      columns.append(ECLabColumn(name: name, values: values))
    }
    return ECLabTable(columns: columns, firstDataLine: nil)
  }

  /// The record layout of the column ids. A single unknown id takes the bytes the known fields
  /// leave over in each record; more than one cannot be placed and is an error.
  private static func layout(ids: [Int], pointCount: Int, available: Int, fileName: String, metadata: inout [String: String]) throws -> [Field] {
    let unknown = ids.filter { ECLabColumnCatalog.entry($0) == nil && ECLabColumnCatalog.flagColumns[$0] == nil }
    var unknownWidth = 0
    if !unknown.isEmpty {
      let knownWidth = knownRecordWidth(ids)
      let after = { (id: Int) -> String in
        guard let position = ids.firstIndex(of: id), position > 0 else { return "as the first column" }
        let previous = ids[position - 1]
        let name = ECLabColumnCatalog.entry(previous)?.name ?? ECLabColumnCatalog.flagColumns[previous]?.name ?? "id \(previous)"
        return "after '\(name)'"
      }
      let list = unknown.map { "\($0) (\(after($0)))" }.joined(separator: ", ")
      guard unknown.count == 1, pointCount > 0, available % pointCount == 0, available / pointCount > knownWidth,
            [1, 2, 4, 8].contains(available / pointCount - knownWidth) else {
        throw InputError("the .mpr data module has column id(s) \(list) whose encoding is not known, so its records cannot be decoded", file: fileName)
      }
      unknownWidth = available / pointCount - knownWidth
      metadata["skipped columns"] = "unknown column id \(list), \(unknownWidth) bytes"
    }
    var fields: [Field] = []
    var offset = 0
    var flagsOffset: Int?
    for id in ids {
      if let flag = ECLabColumnCatalog.flagColumns[id] {
        if flagsOffset == nil {
          flagsOffset = offset
          offset += 1
        }
        fields.append(Field(name: flag.name, type: .uint8, offset: flagsOffset ?? 0, flagMask: flag.mask))
      } else if let entry = ECLabColumnCatalog.entry(id) {
        fields.append(Field(name: entry.name, type: entry.type, offset: offset, flagMask: nil))
        offset += entry.type.byteWidth
      } else {
        let type: ECLabValueType = unknownWidth == 8 ? .float64 : (unknownWidth == 2 ? .uint16 : (unknownWidth == 1 ? .uint8 : .float32))
        fields.append(Field(name: nil, type: type, offset: offset, flagMask: nil))
        offset += unknownWidth
      }
    }
    return fields
  }

  private static func knownRecordWidth(_ ids: [Int]) -> Int {
    var width = 0
    var hasFlags = false
    for id in ids {
      if ECLabColumnCatalog.flagColumns[id] != nil {
        if !hasFlags { width += 1; hasFlags = true }
      } else if let entry = ECLabColumnCatalog.entry(id) {
        width += entry.type.byteWidth
      }
    }
    return width
  }
}
