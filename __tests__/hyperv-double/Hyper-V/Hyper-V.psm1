# The Hyper-V double (TEST CODE, never shipped): stands in for Microsoft's Hyper-V module when
# __tests__/hyperv-double is on PSModulePath. See HvdCore.ps1 and docs/agent.md.
. (Join-Path $PSScriptRoot '..' 'HvdCore.ps1')
. (Join-Path $PSScriptRoot '..' 'HvdNet.ps1')
. (Join-Path $PSScriptRoot 'HyperV.Impl.ps1')
. (Join-Path $PSScriptRoot 'Hyper-V.Commands.generated.ps1')
Initialize-HvdHost
