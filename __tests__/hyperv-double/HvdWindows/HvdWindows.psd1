@{
    RootModule        = 'HvdWindows.psm1'
    ModuleVersion     = '1.0.0.0'
    GUID              = '5f1f6a43-2f9b-4d61-8c2b-3e7c0a9d4e21'
    Description       = 'Windows-only commands for hyperv-converge tests on Linux'
    FunctionsToExport = @('Get-Service')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
