# Windows-only commands the agent runs unqualified that PowerShell on Linux lacks (TEST CODE).
. (Join-Path $PSScriptRoot '..' 'HvdCore.ps1')

function Get-Service {
    # Get-Service (Microsoft.PowerShell.Management, Windows only): the Hyper-V management service
    # vmms is Running on a Hyper-V host (Learn: "Hyper-V Virtual Machine Management service").
    [CmdletBinding()]
    param([string[]]$Name)
    Write-HvdCall 'Get-Service'
    $s = Read-HvdState
    foreach ($n in $Name) {
        if ($n -ne 'vmms') { Write-Error "Cannot find any service with service name '$n'." -Category ObjectNotFound; continue }
        $status = Get-HvdKnob $s 'vmms'
        if ($status -eq 'missing') { Write-Error "Cannot find any service with service name '$n'." -Category ObjectNotFound; continue }
        New-HvdObject @('System.ServiceProcess.ServiceController') ([ordered]@{ Name = 'vmms'; Status = $(if ($status) { $status } else { 'Running' }) })
    }
}

Export-ModuleMember -Function 'Get-Service'
