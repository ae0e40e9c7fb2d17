@{
    RootModule        = 'NetTCPIP.psm1'
    ModuleVersion     = '1.0.0.0'
    GUID              = '1c3b1a5e-6f33-4a41-9d0e-5a4e6c1f0b11'
    Description       = 'NetTCPIP double for hyperv-converge tests (not Microsoft''s module)'
    FunctionsToExport = '*'
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
