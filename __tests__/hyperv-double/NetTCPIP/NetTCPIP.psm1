# The NetTCPIP double (TEST CODE, never shipped). The real NetTCPIP module is CDXML: its cmdlets are
# generated script functions, so the CALLER's $ErrorActionPreference does not reach them and their
# errors stay non-terminating unless -ErrorAction Stop is passed to the call itself
# (PowerShell/PowerShell#24389 "Get-NetIPAddress does not respect $ErrorActionPreference = Stop",
# answered by #4568: script-module functions do not see the caller's preference variables). So a
# failure here stops the caller only when the call itself says -ErrorAction Stop.
. (Join-Path $PSScriptRoot '..' 'HvdCore.ps1')

function Invoke-HvdCmdlet {
    param([string]$Name, [System.Management.Automation.PSCmdlet]$Cmdlet, [hashtable]$Bound)
    Write-HvdCall $Name
    $s = Read-HvdState
    $fail = Get-HvdKnob $s 'failCmdlets'
    if ($null -ne $fail -and $fail.Contains($Name)) {
        $rec = New-HvdError "$($fail[$Name]) (injected by the double)" NotSpecified "Windows System Error 5,$Name" $null
        if ($Bound.ContainsKey('ErrorAction')) { $Cmdlet.WriteError($rec) } else { Write-Error -ErrorRecord $rec -ErrorAction Continue }
        return
    }
    $broken = @(Get-HvdKnob $s 'brokenCimSessions')
    if ($Bound.ContainsKey('CimSession') -and @($Bound['CimSession'] | Where-Object { $broken -contains $_.Id }).Count -gt 0) {
        # A dropped WinRM connection under a CIM session (see ../CimCmdlets).
        $rec = New-HvdError "The WinRM client cannot process the request: the CIM session to the host is no longer connected. (injected by the double)" ConnectionError "HRESULT 0x80338012,$Name" $null
        if ($Bound.ContainsKey('ErrorAction')) { $Cmdlet.WriteError($rec) } else { Write-Error -ErrorRecord $rec -ErrorAction Continue }
        return
    }
    $now = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
    foreach ($n in @($s['host']['neighbors'])) { New-HvdNeighbor $n['ip'] $n['mac'] $n['state'] }
    foreach ($vm in @($s['vms'])) {
        $a = @($vm['adapters'])
        if ($a.Count -eq 0 -or $vm['state'] -ne 'Running' -or $null -eq $vm['startedAt'] -or $vm['guest']['via'] -eq 'none') { continue }
        if (($now - [int64]$vm['startedAt']) -lt [int64]$vm['guest']['ipDelayMs']) { continue }
        foreach ($ip in @($vm['guest']['ips'])) { New-HvdNeighbor $ip $a[0]['mac'] 'Reachable' }
        if ($vm['guest']['noise']) { New-HvdNeighbor '169.254.7.7' $a[0]['mac'] 'Stale' }
    }
}

function New-HvdNeighbor {
    # MSFT_NetNeighbor: LinkLayerAddress as 00-15-5D-01-02-03 (Learn: Get-NetNeighbor examples).
    param([string]$Ip, [string]$Mac, [string]$State)
    $m = ($Mac -replace '[-:]', '').ToUpperInvariant()
    $dashed = ($m -split '(..)' | Where-Object { $_ }) -join '-'
    New-HvdObject @('Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetNeighbor') ([ordered]@{ IPAddress = $Ip; LinkLayerAddress = $dashed; State = $State; InterfaceAlias = 'vEthernet (lab)' })
}

. (Join-Path $PSScriptRoot 'NetTCPIP.Commands.generated.ps1')
