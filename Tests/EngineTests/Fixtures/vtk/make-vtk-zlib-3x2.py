import vtk, sys
# 3 x 2 grid, Float64 point array "xi" with values 0.5*k - 1 (k = 0..5), field data "time" = 2.5
img = vtk.vtkImageData()
img.SetDimensions(3, 2, 1)
img.SetSpacing(0.25, 0.5, 1)
img.SetOrigin(1.0, -2.0, 0)
arr = vtk.vtkDoubleArray(); arr.SetName("xi")
for k in range(6): arr.InsertNextValue(0.5 * k - 1)
img.GetPointData().AddArray(arr)
t = vtk.vtkDoubleArray(); t.SetName("time"); t.InsertNextValue(2.5)
img.GetFieldData().AddArray(t)
w = vtk.vtkXMLImageDataWriter()
w.SetFileName(sys.argv[1])
w.SetInputData(img)
w.SetDataModeToBinary()          # inline base64, not appended
w.SetHeaderTypeToUInt64()
w.SetCompressorTypeToZLib()
w.SetBlockSize(16)               # several blocks for 48 bytes
w.Write()
