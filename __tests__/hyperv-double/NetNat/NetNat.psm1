# The NetNat double (TEST CODE, never shipped). NetNat is a CDXML module like NetTCPIP: see
# ../HvdCdxml.ps1 for how its errors reach the caller. State: ../HvdNet.ps1.
. (Join-Path $PSScriptRoot '..' 'HvdCore.ps1')
. (Join-Path $PSScriptRoot '..' 'HvdCdxml.ps1')
. (Join-Path $PSScriptRoot '..' 'HvdNet.ps1')

function HvdCim-Get-NetNat {
    param($S, $B)
    foreach ($n in @((Get-HvdNet $S)['nats'])) {
        if ($B.ContainsKey('Name') -and @($B['Name']) -notcontains "$($n['name'])") { continue }
        ConvertTo-HvdNetNat $n
    }
}

function HvdCim-New-NetNat {
    param($S, $B)
    $name = "$($B['Name'])"
    $prefix = "$($B['InternalIPInterfaceAddressPrefix'])"
    if ($prefix -notmatch '^\d{1,3}(\.\d{1,3}){3}/\d{1,2}$') { throw (New-HvdError 'The parameter is incorrect.' InvalidArgument 'Windows System Error 87,New-NetNat' $prefix) }
    $out = Update-HvdState {
        param($st)
        $net = Get-HvdNet $st
        if (@($net['nats'] | Where-Object { $_['name'] -eq $name }).Count -gt 0) { throw (New-HvdError "Instance MSFT_NetNat '$name' already exists." ResourceExists 'Windows System Error 183,New-NetNat' $name) }
        # WinNAT takes no overlapping internal prefixes (Learn "Set up a NAT network": one NAT network
        # per host on older builds; "WinNAT capabilities and limitations", Microsoft Virtualization
        # blog, 2016: internal prefixes must not overlap). A host may refuse a second one outright.
        foreach ($n in @($net['nats'])) {
            if (Test-HvdPrefixOverlap $prefix "$($n['prefix'])") { throw (New-HvdError 'The parameter is incorrect.' InvalidArgument 'Windows System Error 87,New-NetNat' $prefix) }
        }
        $x = [ordered]@{ name = $name; prefix = $prefix }
        $net['nats'].Add($x)
        $x
    }
    ConvertTo-HvdNetNat $out
}

function HvdCim-Remove-NetNat {
    # Without -Name or -InputObject every NetNat goes (Learn: Remove-NetNat, example 1).
    param($S, $B)
    $names = $null
    if ($B.ContainsKey('InputObject')) { $names = @($B['InputObject'] | ForEach-Object { "$($_.Name)" }) }
    elseif ($B.ContainsKey('Name')) { $names = @($B['Name']) }
    $null = Update-HvdState {
        param($st)
        $net = Get-HvdNet $st
        $net['nats'] = [System.Collections.Generic.List[object]]@(@($net['nats']) | Where-Object { $null -ne $names -and $names -notcontains "$($_['name'])" })
    }
}

. (Join-Path $PSScriptRoot 'NetNat.Commands.generated.ps1')
