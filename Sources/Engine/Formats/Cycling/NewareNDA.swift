/// Neware `.nda` binaries: not decoded yet (see the report); the error says so plainly.
func readNewareNDA<R: CyclingRecordSink>(_ bytes: [UInt8], into sink: inout R) throws -> String {
  throw InputError("Neware .nda binaries are not supported yet; export the test as .xlsx or .csv from BTSDA", line: nil)
}

func readNewareNDAX<R: CyclingRecordSink>(_ bytes: [UInt8], into sink: inout R) throws -> String {
  throw InputError("Neware .ndax archives are not supported yet; export the test as .xlsx or .csv from BTSDA", line: nil)
}
