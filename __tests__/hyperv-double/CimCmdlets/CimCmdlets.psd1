@{
    RootModule        = 'CimCmdlets.psm1'
    ModuleVersion     = '7.0.0.0'
    GUID              = '8c1b2f7e-6a0d-4e55-9b1f-2d7c4a1e9f30'
    Description       = 'CIM sessions to the Hyper-V double (TEST CODE) for hyperv-converge tests on Linux'
    FunctionsToExport = @('New-CimSession', 'Remove-CimSession')
    CmdletsToExport   = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
