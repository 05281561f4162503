import Formats

/// Entry points for cycler files: pick the reader from the file's name and content, stream its
/// rows through `CyclingProcessor` into any point sink, attribute errors to the file.
public enum CyclingFile {
  /// Reads a whole test into columns.
  public static func read(path: String, restCurrentThreshold: Double = 1e-9) throws -> CyclingData {
    var data = CyclingData()
    let format = try stream(path: path, into: &data, restCurrentThreshold: restCurrentThreshold)
    data.format = format
    return data
  }

  /// Streams a file's points into `sink`; returns the format name. Memory: one chunk of the file
  /// plus what the sink keeps, for every format but `.mpt` (parsed whole): binary records pass
  /// through a bounded buffer, zip parts (xlsx sheets, Neware's data.ndc) inflate piecewise
  /// through a 32 KiB window, and only an xlsx's shared strings are held.
  @discardableResult
  public static func stream<S: CyclingPointSink>(
    path: String, into sink: inout S, restCurrentThreshold: Double = 1e-9
  ) throws -> String {
    var processor = CyclingProcessor(sink: sink, restCurrentThreshold: restCurrentThreshold)
    do {
      let format = try readRecords(path: path, into: &processor)
      sink = processor.sink
      return format
    } catch let error as InputError {
      throw error.inFile(path)
    }
  }

  /// Reads rows from bytes already in memory (tests); `name` decides the format like a path.
  public static func read(bytes: [UInt8], name: String, restCurrentThreshold: Double = 1e-9) throws -> CyclingData {
    var processor = CyclingProcessor(sink: CyclingData(), restCurrentThreshold: restCurrentThreshold)
    do {
      let format = try readRecords(bytes: bytes, name: name, into: &processor)
      var data = processor.sink
      data.format = format
      return data
    } catch let error as InputError {
      throw error.inFile(name)
    }
  }

  static func readRecords<R: CyclingRecordSink>(path: String, into sink: inout R) throws -> String {
    let lower = path.lowercased()
    if isBinaryContainer(lower) {
      return try readRecords(source: FileRandomAccess(path: path), name: path, into: &sink)
    }
    return try readDelimitedCycling(FileByteSource(path: path), into: &sink)
  }

  static func readRecords<R: CyclingRecordSink>(bytes: [UInt8], name: String, into sink: inout R) throws -> String {
    if isBinaryContainer(name.lowercased()) {
      return try readRecords(source: MemoryRandomAccess(bytes), name: name, into: &sink)
    }
    return try readDelimitedCycling(MemoryByteSource(bytes), into: &sink)
  }

  /// Containers and binary files, read through positioned reads of bounded size.
  static func readRecords<R: CyclingRecordSink>(source: any RandomAccessByteSource, name: String, into sink: inout R) throws -> String {
    let lower = name.lowercased()
    if lower.hasSuffix(".xlsx") { return try readCyclingWorkbook(source, into: &sink) }
    if lower.hasSuffix(".nda") { return try readNewareNDA(source, into: &sink) }
    if lower.hasSuffix(".ndax") { return try readNewareNDAX(source, into: &sink) }
    return try readBioLogicCycling(source, name: name, into: &sink)
  }

  static func isBinaryContainer(_ lowercasedPath: String) -> Bool {
    [".xlsx", ".nda", ".ndax", ".mpr", ".mpt"].contains { lowercasedPath.hasSuffix($0) }
  }
}
