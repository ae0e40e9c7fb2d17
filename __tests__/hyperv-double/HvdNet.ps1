# The host's own network as the double keeps it (TEST CODE): NetNat objects and the IPv4 addresses
# of host adapters, for the NetNat and NetTCPIP doubles and for the Hyper-V double's switches.
# Kept in host.double.net = { nats: [{ name, prefix }], addresses: [{ alias, ip, prefixLength }] }.
# A simulator seed states a switch's NAT as switches[].nat = '<subnet>'; until the double first
# changes the network, that reads as what "Set up a NAT network" (Learn,
# virtualization/hyper-v-on-windows/user-guide/setup-nat-network) makes: the first host address of
# the subnet on "vEthernet (<switch>)" and a NetNat named after the switch.

function ConvertTo-HvdIPv4 {
    param([string]$Ip)
    $n = [uint64]0
    foreach ($o in $Ip.Split('.')) { $n = $n * 256 + [uint64]$o }
    return $n
}

function ConvertFrom-HvdIPv4 {
    param([uint64]$N)
    return (@(24, 16, 8, 0) | ForEach-Object { [math]::Floor($N / [math]::Pow(2, $_)) % 256 }) -join '.'
}

function Get-HvdPrefixRange {
    param([string]$Prefix)
    $ip, $bits = $Prefix.Split('/')
    $size = [uint64][math]::Pow(2, 32 - [int]$bits)
    $start = ConvertTo-HvdIPv4 $ip
    $start = $start - ($start % $size)
    return @{ start = $start; end = $start + $size - 1 }
}

function Test-HvdPrefixOverlap {
    param([string]$A, [string]$B)
    $x = Get-HvdPrefixRange $A
    $y = Get-HvdPrefixRange $B
    return ($x.start -le $y.end -and $y.start -le $x.end)
}

function Get-HvdNet {
    param([System.Collections.IDictionary]$State)
    $d = Get-HvdDouble $State
    if (-not $d.Contains('net') -or $null -eq $d['net']) {
        $nats = [System.Collections.Generic.List[object]]::new()
        $addresses = [System.Collections.Generic.List[object]]::new()
        foreach ($w in @($State['host']['switches'])) {
            if (-not $w.Contains('nat') -or -not $w['nat']) { continue }
            $r = Get-HvdPrefixRange "$($w['nat'])"
            $nats.Add([ordered]@{ name = "$($w['name'])"; prefix = "$($w['nat'])" })
            $addresses.Add([ordered]@{ alias = "vEthernet ($($w['name']))"; ip = ConvertFrom-HvdIPv4 ($r.start + 1); prefixLength = [int]"$($w['nat'])".Split('/')[1] })
        }
        $d['net'] = [ordered]@{ nats = $nats; addresses = $addresses }
    }
    $net = $d['net']
    foreach ($k in @('nats', 'addresses')) {
        # Lists read back from JSON may be arrays (or absent): make them lists to add to.
        $l = [System.Collections.Generic.List[object]]::new()
        if ($net.Contains($k) -and $null -ne $net[$k]) { foreach ($x in @($net[$k])) { $l.Add($x) } }
        $net[$k] = $l
    }
    return $net
}

function Get-HvdHostAdapterAliases {
    # An internal switch gives the host an adapter "vEthernet (<switch>)"; private and external
    # (without the management OS) do not (Learn: "Create a virtual switch for Hyper-V virtual machines").
    param([System.Collections.IDictionary]$State)
    return @($State['host']['switches'] | Where-Object { "$($_['type'])" -eq 'Internal' } | ForEach-Object { "vEthernet ($($_['name']))" })
}

function ConvertTo-HvdNetNat {
    # MSFT_NetNat (Learn: Get-NetNat outputs CimInstance#ROOT/StandardCimv2/MSFT_NetNat).
    param([System.Collections.IDictionary]$N)
    return New-HvdObject @('Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetNat') ([ordered]@{
            Name = "$($N['name'])"; InternalIPInterfaceAddressPrefix = "$($N['prefix'])"; ExternalIPInterfaceAddressPrefix = $null; Active = $true
        })
}

function ConvertTo-HvdNetIPAddress {
    # MSFT_NetIPAddress (Learn: Get-NetIPAddress; PrefixLength is a byte).
    param([System.Collections.IDictionary]$A)
    return New-HvdObject @('Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetIPAddress') ([ordered]@{
            IPAddress = "$($A['ip'])"; InterfaceAlias = "$($A['alias'])"; AddressFamily = 'IPv4'; PrefixLength = [byte]$A['prefixLength']; PrefixOrigin = 'Manual'; Type = 'Unicast'
        })
}
