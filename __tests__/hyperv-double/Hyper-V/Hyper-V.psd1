@{
    RootModule        = 'Hyper-V.psm1'
    ModuleVersion     = '2.0.0.0'
    GUID              = 'af4bddd0-8583-4ff2-84b2-a33f5c8de8a7'
    Description       = 'Hyper-V double for hyperv-converge tests (not Microsoft''s module)'
    FunctionsToExport = '*'
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
