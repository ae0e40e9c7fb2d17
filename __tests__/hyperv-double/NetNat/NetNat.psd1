@{
    RootModule        = 'NetNat.psm1'
    ModuleVersion     = '1.0.0.0'
    GUID              = '7d2f5c3e-2b1a-4c8e-9f0d-3a6b5c4d2e10'
    Description       = 'NetNat double for hyperv-converge tests (not Microsoft''s module)'
    FunctionsToExport = '*'
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
