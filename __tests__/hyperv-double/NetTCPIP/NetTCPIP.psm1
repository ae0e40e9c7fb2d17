# The NetTCPIP double (TEST CODE, never shipped). NetTCPIP is a CDXML module: see ../HvdCdxml.ps1 for
# how its errors reach the caller (only with -ErrorAction Stop on the call itself).
. (Join-Path $PSScriptRoot '..' 'HvdCore.ps1')
. (Join-Path $PSScriptRoot '..' 'HvdCdxml.ps1')
. (Join-Path $PSScriptRoot '..' 'HvdNet.ps1')

function HvdCim-Get-NetNeighbor {
    param($S, $B)
    $now = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds()
    foreach ($n in @($S['host']['neighbors'])) { New-HvdNeighbor $n['ip'] $n['mac'] $n['state'] }
    foreach ($vm in @($S['vms'])) {
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

function HvdCim-Get-NetIPAddress {
    # Only the addresses the double keeps (host adapters of internal switches); IPv4 only.
    param($S, $B)
    if ($B.ContainsKey('AddressFamily') -and @($B['AddressFamily'] | Where-Object { "$_" -eq 'IPv4' }).Count -eq 0) { return }
    foreach ($a in @((Get-HvdNet $S)['addresses'])) {
        if ($B.ContainsKey('InterfaceAlias') -and @($B['InterfaceAlias']) -notcontains "$($a['alias'])") { continue }
        ConvertTo-HvdNetIPAddress $a
    }
}

function HvdCim-New-NetIPAddress {
    param($S, $B)
    $alias = "$($B['InterfaceAlias'])"
    $ip = "$($B['IPAddress'])"
    $out = Update-HvdState {
        param($st)
        # The interface must exist: "No MSFT_NetIPInterface objects found with property 'InterfaceAlias'
        # equal to ..." (the CIM query error of a NetTCPIP cmdlet given an unknown alias).
        if ((Get-HvdHostAdapterAliases $st) -notcontains $alias) { throw (New-HvdError "No MSFT_NetIPInterface objects found with property 'InterfaceAlias' equal to '$alias'. Verify the value of the property and retry." ObjectNotFound "CmdletizationQuery_NotFound_InterfaceAlias,New-NetIPAddress" $alias) }
        $net = Get-HvdNet $st
        if (@($net['addresses'] | Where-Object { $_['alias'] -eq $alias -and $_['ip'] -eq $ip }).Count -gt 0) { throw (New-HvdError "Instance MSFT_NetIPAddress already exists" ResourceExists "Windows System Error 87,New-NetIPAddress" $ip) }
        $a = [ordered]@{ alias = $alias; ip = $ip; prefixLength = [int]$B['PrefixLength'] }
        $net['addresses'].Add($a)
        $a
    }
    ConvertTo-HvdNetIPAddress $out
}

function HvdCim-Remove-NetIPAddress {
    param($S, $B)
    $targets = @($B['InputObject'] | ForEach-Object { @{ alias = "$($_.InterfaceAlias)"; ip = "$($_.IPAddress)" } })
    $null = Update-HvdState {
        param($st)
        $net = Get-HvdNet $st
        $net['addresses'] = [System.Collections.Generic.List[object]]@(@($net['addresses']) | Where-Object { $a = $_; -not ($targets | Where-Object { $_.alias -eq $a['alias'] -and $_.ip -eq $a['ip'] }) })
    }
}

. (Join-Path $PSScriptRoot 'NetTCPIP.Commands.generated.ps1')
