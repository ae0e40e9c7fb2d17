# What each Hyper-V cmdlet of the double does. Every rule cites its source. Objects carry the real
# type names (PSTypeNames) and the properties the agent reads, with real units (bytes) and formats.

$script:ShutdownGuid = '9F8233AC-BE49-4C79-8EE3-E7E1985B2077' # Shutdown integration component
$script:HostName = $(if ($env:HVC_DOUBLE_COMPUTERNAME) { $env:HVC_DOUBLE_COMPUTERNAME } else { 'HVC-DOUBLE' })

function Get-HvdVmFolder {
    param([System.Collections.IDictionary]$Vm)
    return "$($Vm['path'])"
}

function ConvertTo-HvdVm {
    # Microsoft.HyperV.PowerShell.VirtualMachine: memory in bytes, State a VMState enum
    # (https://learn.microsoft.com/en-us/powershell/module/hyper-v/get-vm).
    param([System.Collections.IDictionary]$Vm)
    $id = [guid]$Vm['id']
    $m = $Vm['memory']
    $running = $Vm['state'] -eq 'Running'
    return New-HvdObject @('Microsoft.HyperV.PowerShell.VirtualMachine', 'Microsoft.HyperV.PowerShell.VirtualMachineBase') ([ordered]@{
            Name                 = "$($Vm['name'])"
            Id                   = $id
            VMId                 = $id
            VMName               = "$($Vm['name'])"
            State                = [VMState]"$($Vm['state'])"
            Generation           = [int]$Vm['generation']
            ProcessorCount       = [int64]$Vm['cpus']
            DynamicMemoryEnabled = [bool]$m['dynamic']
            MemoryStartup        = [int64]$m['startupBytes']
            MemoryMinimum        = [int64]$m['minimumBytes']
            MemoryMaximum        = [int64]$m['maximumBytes']
            MemoryAssigned       = $(if ($running) { [int64]$m['startupBytes'] } else { [int64]0 })
            Notes                = "$($Vm['notes'])"
            Path                 = Get-HvdVmFolder $Vm
            ConfigurationLocation = Get-HvdVmFolder $Vm
            ComputerName         = $script:HostName
            # Lifecycle settings as Get-VM shows them (Learn: Set-VM); AutomaticStartDelay in seconds.
            CheckpointType       = "$(Get-HvdSetting $Vm 'checkpointType')"
            AutomaticStartAction = "$(Get-HvdSetting $Vm 'automaticStartAction')"
            AutomaticStartDelay  = [int](Get-HvdSetting $Vm 'automaticStartDelaySec')
            AutomaticStopAction  = "$(Get-HvdSetting $Vm 'automaticStopAction')"
        })
}

function Get-HvdComponentId {
    # Integration components and adapters are named "Microsoft:<VM id>\<component id>"
    # (e.g. Get-VMIntegrationService output in https://learn.microsoft.com/en-us/powershell/module/hyper-v/get-vmintegrationservice).
    param([System.Collections.IDictionary]$Vm, [string]$Component)
    return "Microsoft:$("$($Vm['id'])".ToUpperInvariant())\$Component"
}

function ConvertTo-HvdAdapter {
    param([System.Collections.IDictionary]$Vm, [System.Collections.IDictionary]$A, [int]$Index)
    return New-HvdObject @('Microsoft.HyperV.PowerShell.VMNetworkAdapter', 'Microsoft.HyperV.PowerShell.VMNetworkAdapterBase', 'Microsoft.HyperV.PowerShell.VMDevice', 'Microsoft.HyperV.PowerShell.VMComponentObject') ([ordered]@{
            Name                     = "$($A['name'])"
            Id                       = Get-HvdComponentId $Vm "$('{0:X8}' -f $Index)-0000-0000-0000-000000000000"
            VMId                     = [guid]$Vm['id']
            VMName                   = "$($Vm['name'])"
            SwitchName               = $(if ($A['switch']) { "$($A['switch'])" } else { $null })
            # MacAddress is 12 hex digits without separators.
            MacAddress               = "$($A['mac'])"
            DynamicMacAddressEnabled = [bool]$A['dynamicMac']
            IPAddresses              = [string[]]@(Get-HvdKvpIps $Vm $Index)
            # Guards (OnOffState, off by default: Learn Set-VMNetworkAdapter).
            MacAddressSpoofing       = $(if ($A.Contains('macSpoofing') -and $A['macSpoofing']) { [OnOffState]::On } else { [OnOffState]::Off })
            DhcpGuard                = $(if ($A.Contains('dhcpGuard') -and $A['dhcpGuard']) { [OnOffState]::On } else { [OnOffState]::Off })
            RouterGuard              = $(if ($A.Contains('routerGuard') -and $A['routerGuard']) { [OnOffState]::On } else { [OnOffState]::Off })
        })
}

function Get-HvdKvpIps {
    # Addresses reach Hyper-V only through the guest's KVP service, after the guest booted
    # (https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/reference/integration-services).
    param([System.Collections.IDictionary]$Vm, [int]$Index)
    if ($Index -ne 0 -or $Vm['state'] -ne 'Running' -or $null -eq $Vm['startedAt']) { return @() }
    $g = $Vm['guest']
    if ($g['via'] -ne 'kvp') { return @() }
    if (([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() - [int64]$Vm['startedAt']) -lt [int64]$g['ipDelayMs']) { return @() }
    $kvp = @($Vm['integrationServices'] | Where-Object { "$($_['id'])".ToUpperInvariant() -eq '2A34B1C2-FD73-4043-8A5B-DD2159BC743F' -and $_['enabled'] })
    if ($kvp.Count -eq 0) { return @() }
    $ips = @($g['ips'])
    if ($g['noise']) { return @('0.0.0.0') + $ips + @('169.254.12.34', 'fe80::215:5dff:fe00:1') }
    return $ips
}

function Get-HvdDrivePath {
    # After a checkpoint the drive points at the newest .avhdx of the chain (Learn: "Hyper-V
    # checkpoints": https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/user-guide/checkpoints).
    param([System.Collections.IDictionary]$Disk)
    if ($Disk.Contains('drivePath') -and $Disk['drivePath']) { return "$($Disk['drivePath'])" }
    return "$($Disk['path'])"
}

function ConvertTo-HvdDrive {
    param([System.Collections.IDictionary]$Vm, [System.Collections.IDictionary]$Disk, [int]$Index)
    $slot = Get-HvdDiskSlot $Vm $Disk $Index
    return New-HvdObject @('Microsoft.HyperV.PowerShell.HardDiskDrive', 'Microsoft.HyperV.PowerShell.Drive', 'Microsoft.HyperV.PowerShell.VMDevice', 'Microsoft.HyperV.PowerShell.VMComponentObject') ([ordered]@{
            Name               = "Hard Drive on $($slot.type) controller number $($slot.number) at location $($slot.location)"
            Id                 = Get-HvdComponentId $Vm "83F8638B-8DCA-4152-9EDA-2CA8B33039B4\$($slot.number)\$($slot.location)\D"
            VMId               = [guid]$Vm['id']
            VMName             = "$($Vm['name'])"
            Path               = Get-HvdDrivePath $Disk
            ControllerType     = $slot.type
            ControllerNumber   = $slot.number
            ControllerLocation = $slot.location
        })
}

function ConvertTo-HvdService {
    param([System.Collections.IDictionary]$Vm, [System.Collections.IDictionary]$S)
    return New-HvdObject @('Microsoft.HyperV.PowerShell.VMIntegrationComponent') ([ordered]@{
            Name                     = "$($S['name'])"
            Id                       = Get-HvdComponentId $Vm "$($S['id'])".ToUpperInvariant()
            VMId                     = [guid]$Vm['id']
            VMName                   = "$($Vm['name'])"
            Enabled                  = [bool]$S['enabled']
            PrimaryStatusDescription = "$($S['status'])"
        })
}

function Get-HvdTemplate {
    param([System.Collections.IDictionary]$Vm)
    # Generation 2 VMs default to the MicrosoftWindows template (Learn: Set-VMFirmware,
    # https://learn.microsoft.com/en-us/powershell/module/hyper-v/set-vmfirmware).
    if ($Vm.Contains('secureBootTemplate') -and $Vm['secureBootTemplate']) { return "$($Vm['secureBootTemplate'])" }
    return 'MicrosoftWindows'
}

function ConvertTo-HvdFirmware {
    param([System.Collections.IDictionary]$Vm)
    return New-HvdObject @('Microsoft.HyperV.PowerShell.VMFirmware') ([ordered]@{
            VMId               = [guid]$Vm['id']
            VMName             = "$($Vm['name'])"
            SecureBoot         = $(if ($Vm['secureBoot']) { [OnOffState]::On } else { [OnOffState]::Off })
            SecureBootTemplate = Get-HvdTemplate $Vm
            BootOrder          = Get-HvdBootOrder $Vm
        })
}

function ConvertTo-HvdSwitch {
    param([System.Collections.IDictionary]$W)
    return New-HvdObject @('Microsoft.HyperV.PowerShell.VMSwitch') ([ordered]@{
            Name       = "$($W['name'])"
            Id         = [guid]::new([System.Security.Cryptography.MD5]::HashData($script:HvdUtf8.GetBytes("$($W['name'])")))
            SwitchType = [VMSwitchType]"$($W['type'])"
            Notes      = $(if ($W.Contains('notes') -and $null -ne $W['notes']) { "$($W['notes'])" } else { '' })
        })
}

# --- lookups --------------------------------------------------------------------------------------
function Get-HvdVmById {
    param([System.Collections.IDictionary]$State, [string]$Id)
    foreach ($v in @($State['vms'])) { if ("$($v['id'])" -eq $Id.ToLowerInvariant()) { return $v } }
    return $null
}

function Resolve-HvdVms {
    # The VM a call is about, from -VM objects (by id: an object is a snapshot, the host is the truth).
    param([System.Collections.IDictionary]$State, [object[]]$VmObjects, [string]$Cmdlet)
    $out = New-Object System.Collections.ArrayList
    foreach ($o in $VmObjects) {
        $v = Get-HvdVmById $State "$($o.Id)"
        if ($null -eq $v) {
            throw (New-HvdError "Hyper-V was unable to find a virtual machine with id `"$($o.Id)`"." ObjectNotFound 'ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.' $o.Id)
        }
        $null = $out.Add($v)
    }
    return , $out.ToArray()
}

function Assert-HvdOff {
    # Processor count, static memory, secure boot and MAC need the VM off: "The operation cannot be
    # performed while the object is in its current state." (Learn: Set-VMProcessor; HyperVDsc
    # issue #216 "can only be done when the VM is powered off").
    param([System.Collections.IDictionary]$Vm, [string]$What)
    if ($Vm['state'] -ne 'Off') {
        throw (New-HvdError "'$($Vm['name'])' failed to modify $What. The operation cannot be performed while the object is in its current state." InvalidOperation 'InvalidState' $Vm['name'])
    }
}

function Get-HvdList {
    param([System.Collections.IDictionary]$Parent, [string]$Key)
    $l = [System.Collections.Generic.List[object]]::new()
    if ($Parent.Contains($Key) -and $null -ne $Parent[$Key]) { foreach ($x in @($Parent[$Key])) { $l.Add($x) } }
    $Parent[$Key] = $l
    return , $l
}

function Get-HvdRecord {
    # What the double saw happen (how VMs were stopped), for tests: host.double.events.
    param([System.Collections.IDictionary]$State, [string]$Event)
    $d = Get-HvdDouble $State
    $l = Get-HvdList $d 'events'
    $l.Add($Event)
}

function Test-HvdShutdownReady {
    # Graceful shutdown goes through the guest's Shutdown integration service; matched by component
    # id, as names are localized (HyperVDsc #73, Vagrant #11039).
    param([System.Collections.IDictionary]$Vm)
    foreach ($s in @($Vm['integrationServices'])) {
        if ("$($s['id'])".ToUpperInvariant() -eq $script:ShutdownGuid) { return ([bool]$s['enabled'] -and "$($s['status'])" -eq 'OK') }
    }
    return $false
}

function Set-HvdOff {
    param([System.Collections.IDictionary]$Vm)
    $Vm['state'] = 'Off'
    $Vm['startedAt'] = $null
}

function Get-HvdVhdInfo {
    param([string]$Path, [System.Collections.IDictionary]$State)
    $busy = @(Get-HvdKnob $State 'busyPaths')
    if ($busy -contains $Path) {
        # "The process cannot access the file because it is being used by another process."
        # (os-autoinst PR #5858: Hyper-V reports "the object is in use").
        throw (New-HvdError "Failed to get the disk information. The process cannot access the file '$Path' because it is being used by another process." ResourceBusy 'ObjectInUse,Microsoft.Vhd.PowerShell.Cmdlets.GetVHD' $Path)
    }
    $v = Read-HvdVhdFile $Path
    if ($null -eq $v) {
        throw (New-HvdError "Getting the mounted storage instance for the path '$Path' failed. The system cannot find the file specified." ObjectNotFound 'ObjectNotFound,Microsoft.Vhd.PowerShell.Cmdlets.GetVHD' $Path)
    }
    if ($v.Contains('corrupt')) {
        throw (New-HvdError "The file or directory '$Path' is corrupted and unreadable." InvalidData 'InvalidData,Microsoft.Vhd.PowerShell.Cmdlets.GetVHD' $Path)
    }
    return $v
}

function ConvertTo-HvdVhd {
    # Microsoft.Vhd.PowerShell.VirtualHardDisk (Learn: Get-VHD): Size is the virtual size in bytes.
    param([string]$Path, [System.Collections.IDictionary]$V)
    return New-HvdObject @('Microsoft.Vhd.PowerShell.VirtualHardDisk') ([ordered]@{
            Path       = $Path
            VhdFormat  = [VhdFormat]"$($V['format'])"
            VhdType    = [VhdType]"$($V['type'])"
            Size       = [uint64]$V['sizeBytes']
            FileSize   = [uint64]4194304
            ParentPath = $(if ($V['parentPath']) { "$($V['parentPath'])" } else { '' })
            Attached   = $false
        })
}

function Test-HvdWildcardMatch {
    param([string]$Pattern, [string]$Value)
    return [System.Management.Automation.WildcardPattern]::new($Pattern, [System.Management.Automation.WildcardOptions]::IgnoreCase).IsMatch($Value)
}

# --- the cmdlets ----------------------------------------------------------------------------------
function Invoke-HvdCmdlet {
    param([string]$Name, [System.Management.Automation.PSCmdlet]$Cmdlet, [hashtable]$Bound)
    Write-HvdCall $Name
    $s = Read-HvdState
    $fail = Get-HvdKnob $s 'failCmdlets'
    if ($null -ne $fail -and $fail.Contains($Name)) {
        $Cmdlet.ThrowTerminatingError((New-HvdError "$Name failed: $($fail[$Name]) (injected by the double)" NotSpecified "InjectedFailure,$Name" $null))
    }
    $hang = @(Get-HvdKnob $s 'hangCmdlets')
    if ($hang -contains $Name) { while ($true) { Start-Sleep -Seconds 1 } }
    $access = Get-HvdKnob $s 'access'
    if ($access -eq 'denied') {
        # A user outside Administrators and Hyper-V Administrators (Learn: "Hyper-V Administrators",
        # https://learn.microsoft.com/en-us/windows-server/identity/ad-ds/manage/understand-security-groups#hyper-v-administrators).
        $Cmdlet.ThrowTerminatingError((New-HvdError "You do not have the required permission to complete this task. Contact the administrator of the authorization policy for the computer '$script:HostName'." PermissionDenied "AccessDenied,$Name" $null 'System.UnauthorizedAccessException'))
    }
    try {
        $impl = Get-Command -Name "HvdImpl-$Name" -CommandType Function -ErrorAction SilentlyContinue
        if ($null -eq $impl) { throw (New-HvdError "$Name is not modelled by the Hyper-V double" NotImplemented "NotModelled,$Name" $null) }
        & $impl -S $s -B $Bound -Cmdlet $Cmdlet -Access $access
    } catch {
        $rec = $(if ($_.TargetObject -is [System.Management.Automation.ErrorRecord]) { $_.TargetObject } else { $_ })
        if (Get-HvdKnob $s 'localized') {
            # A German host: same error ids and categories, other words (Hyper-V messages are localized).
            $ex = New-Object -TypeName $rec.Exception.GetType().FullName -ArgumentList "Der Vorgang kann im aktuellen Zustand des Objekts nicht ausgeführt werden. ($Name)"
            $rec = [System.Management.Automation.ErrorRecord]::new($ex, $rec.FullyQualifiedErrorId, $rec.CategoryInfo.Category, $rec.TargetObject)
        }
        $Cmdlet.ThrowTerminatingError($rec)
    }
}

function Get-HvdP { param([hashtable]$B, [string]$K) if ($B.ContainsKey($K)) { return $B[$K] } return $null }

function HvdImpl-Get-VM {
    param($S, $B, $Cmdlet, $Access)
    # Without Hyper-V rights Get-VM returns nothing and no error (microsoft/devhome#2476).
    if ($Access -eq 'empty') { return }
    $vms = @($S['vms'])
    if ($B.ContainsKey('Id')) {
        $v = Get-HvdVmById $S "$($B['Id'])"
        if ($null -eq $v) { throw (New-HvdError "Hyper-V was unable to find a virtual machine with id `"$($B['Id'])`"." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM' $B['Id']) }
        return ConvertTo-HvdVm $v
    }
    if ($B.ContainsKey('Name')) {
        # -Name takes wildcards; a plain name that matches nothing is an error (kubernetes/minikube#8970:
        # InvalidArgument, InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM).
        foreach ($n in $B['Name']) {
            $hit = @($vms | Where-Object { Test-HvdWildcardMatch $n "$($_['name'])" })
            if ($hit.Count -eq 0 -and -not [System.Management.Automation.WildcardPattern]::ContainsWildcardCharacters($n)) {
                throw (New-HvdError "Hyper-V was unable to find a virtual machine with name `"$n`"." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM' $n)
            }
            foreach ($v in $hit) { ConvertTo-HvdVm $v }
        }
        return
    }
    foreach ($v in $vms) { ConvertTo-HvdVm $v }
}

function HvdImpl-Get-VMHost {
    param($S, $B, $Cmdlet, $Access)
    # The account that Get-VM silently shows nothing is refused by the host itself: the access-denied
    # message users report for non-elevated Hyper-V calls (hashicorp/vagrant#9256, kubernetes/minikube#4189).
    if ($Access -eq 'empty') { throw (New-HvdError "You do not have the required permission to complete this task. Contact the administrator of the authorization policy for the computer '$script:HostName'." PermissionDenied 'AccessDenied,Microsoft.HyperV.PowerShell.Commands.GetVMHost' $null 'System.UnauthorizedAccessException') }
    New-HvdObject @('Microsoft.HyperV.PowerShell.VMHost') ([ordered]@{ ComputerName = $script:HostName; Name = $script:HostName })
}

function HvdImpl-Get-VMSwitch {
    param($S, $B, $Cmdlet, $Access)
    if ($Access -eq 'empty') { return }
    foreach ($w in @($S['host']['switches'])) {
        if ($B.ContainsKey('Name') -and -not (@($B['Name']) | Where-Object { Test-HvdWildcardMatch $_ "$($w['name'])" })) { continue }
        ConvertTo-HvdSwitch $w
    }
}

function HvdImpl-Get-VMNetworkAdapter {
    param($S, $B, $Cmdlet, $Access)
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMNetworkAdapter')) {
        $i = 0
        foreach ($a in @($v['adapters'])) { ConvertTo-HvdAdapter $v $a $i; $i++ }
    }
}

function HvdImpl-Get-VMHardDiskDrive {
    param($S, $B, $Cmdlet, $Access)
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMHardDiskDrive')) {
        $i = 0
        foreach ($d in @($v['disks'])) { ConvertTo-HvdDrive $v $d $i; $i++ }
    }
}

function HvdImpl-Get-VMIntegrationService {
    param($S, $B, $Cmdlet, $Access)
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMIntegrationService')) {
        foreach ($x in @($v['integrationServices'])) { ConvertTo-HvdService $v $x }
    }
}

function HvdImpl-Get-VMSnapshot {
    param($S, $B, $Cmdlet, $Access)
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMSnapshot')) {
        foreach ($c in @($v['checkpoints'])) {
            New-HvdObject @('Microsoft.HyperV.PowerShell.VMSnapshot', 'Microsoft.HyperV.PowerShell.VirtualMachineBase') ([ordered]@{ Id = [guid]$c['id']; Name = "$($c['name'])"; VMId = [guid]$v['id']; VMName = "$($v['name'])" })
        }
    }
}

function HvdImpl-Get-VMFirmware {
    param($S, $B, $Cmdlet, $Access)
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMFirmware')) {
        # Generation 1 VMs have no firmware object: "Get-VMFirmware ... generation 1 virtual machine" error.
        if ([int]$v['generation'] -ne 2) { throw (New-HvdError "'$($v['name'])' is a generation 1 virtual machine: it has no UEFI firmware settings." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMFirmware' $v['name']) }
        ConvertTo-HvdFirmware $v
    }
}

function HvdImpl-Get-VHD {
    param($S, $B, $Cmdlet, $Access)
    # -Path takes a list; like any binary cmdlet, a path that fails is a non-terminating error, so
    # -ErrorAction SilentlyContinue -ErrorVariable collects it and the others still come out (Learn:
    # about_CommonParameters). Without -ErrorAction, the agent's 'Stop' preference makes it terminate.
    $continue = $B.ContainsKey('ErrorAction') -and "$($B['ErrorAction'])" -ne 'Stop'
    foreach ($p in @($B['Path'])) {
        try { ConvertTo-HvdVhd "$p" (Get-HvdVhdInfo "$p" $S) }
        catch {
            if (-not $continue) { throw }
            $Cmdlet.WriteError($(if ($_.TargetObject -is [System.Management.Automation.ErrorRecord]) { $_.TargetObject } else { $_ }))
        }
    }
}

function HvdImpl-New-VHD {
    param($S, $B, $Cmdlet, $Access)
    $path = "$($B['Path'])"
    if ($null -ne (Read-HvdVhdFile $path)) { throw (New-HvdError "Failed to create the virtual hard disk. The file exists. ('$path')" ResourceExists 'FileExists,Microsoft.Vhd.PowerShell.Cmdlets.NewVHD' $path) }
    # The format follows the file extension: .vhd or .vhdx (Learn: New-VHD -Path).
    $format = $(if ($path -match '\.vhd$') { 'VHD' } elseif ($path -match '\.vhdx$') { 'VHDX' } else { throw (New-HvdError "'$path' has no .vhd or .vhdx extension." InvalidArgument 'InvalidParameter,Microsoft.Vhd.PowerShell.Cmdlets.NewVHD' $path) })
    if ($B.ContainsKey('ParentPath')) {
        $parentPath = "$($B['ParentPath'])"
        $parent = Get-HvdVhdInfo $parentPath $S
        # A differencing disk has its parent's format (Learn: "Hyper-V Virtual Hard Disk Format
        # Overview": a VHDX differencing disk cannot have a VHD parent).
        if ($parent['format'] -ne $format) { throw (New-HvdError "Failed to create the virtual hard disk. The format of '$path' ($format) does not match its parent '$parentPath' ($($parent['format']))." InvalidArgument 'InvalidParameter,Microsoft.Vhd.PowerShell.Cmdlets.NewVHD' $path) }
        Write-HvdVhdFile $path $format 'Differencing' ([int64]$parent['sizeBytes']) $parentPath
    } else {
        Write-HvdVhdFile $path $format 'Dynamic' ([int64]$B['SizeBytes']) $null
    }
    ConvertTo-HvdVhd $path (Read-HvdVhdFile $path)
}

function HvdImpl-Resize-VHD {
    param($S, $B, $Cmdlet, $Access)
    $path = "$($B['Path'])"
    $v = Get-HvdVhdInfo $path $S
    if ($path -match '\.avhdx?$') {
        # Resizing a checkpoint's differencing disk is refused (Learn: Resize-VHD; a disk with checkpoints cannot be resized).
        throw (New-HvdError "Failed to resize '$path': the virtual hard disk is part of a checkpoint chain." InvalidOperation 'InvalidState,Microsoft.Vhd.PowerShell.Cmdlets.ResizeVHD' $path)
    }
    if ([int64]$B['SizeBytes'] -lt [int64]$v['sizeBytes']) { throw (New-HvdError "Failed to resize '$path': shrinking is not supported here." InvalidArgument 'InvalidParameter,Microsoft.Vhd.PowerShell.Cmdlets.ResizeVHD' $path) }
    Write-HvdVhdFile $path $v['format'] $v['type'] ([int64]$B['SizeBytes']) $v['parentPath']
    $null = Update-HvdState {
        param($st)
        foreach ($vm in @($st['vms'])) { foreach ($d in @($vm['disks'])) { if ("$($d['path'])" -eq $path) { $d['sizeBytes'] = [int64]$B['SizeBytes'] } } }
    }
}

function HvdImpl-New-VM {
    param($S, $B, $Cmdlet, $Access)
    $name = "$($B['Name'])"
    $generation = $(if ($B.ContainsKey('Generation')) { [int]$B['Generation'] } else { 1 })
    $base = ("$($B['Path'])" -replace '[\\/]+$', '')
    # New-VM -Path P keeps the VM's files in P\<Name> (Learn: New-VM -Path; Get-VM's Path is that folder).
    $folder = "$base\$name"
    $disks = [System.Collections.Generic.List[object]]::new()
    if ($B.ContainsKey('VHDPath')) {
        $vhdPath = "$($B['VHDPath'])"
        $vhd = Get-HvdVhdInfo $vhdPath $S
        # Generation 2 VMs boot only from VHDX (Learn: "Should I create a generation 1 or 2 virtual
        # machine in Hyper-V?": generation 2 does not support VHD).
        if ($generation -eq 2 -and $vhd['format'] -ne 'VHDX') { throw (New-HvdError "Failed to add device 'Virtual Hard Disk': generation 2 virtual machines do not support the VHD format ('$vhdPath')." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.NewVM' $vhdPath) }
        $disks.Add([ordered]@{ path = $vhdPath; sizeBytes = [int64]$vhd['sizeBytes']; parentPath = $(if ($vhd['parentPath']) { "$($vhd['parentPath'])" } else { $null }) })
    }
    if ($B.ContainsKey('SwitchName')) { throw (New-HvdError 'New-VM -SwitchName is not modelled by the double' NotImplemented 'NotModelled' $null) }
    [System.IO.Directory]::CreateDirectory((ConvertTo-HvdLocalPath $folder)) | Out-Null
    $id = [guid]::NewGuid().ToString()
    $mac = '00155D' + ('{0:X6}' -f (Get-Random -Maximum 0xFFFFFF))
    $vm = Update-HvdState {
        param($st)
        $services = [System.Collections.Generic.List[object]]::new()
        foreach ($x in @(@('84EAAE65-2F2E-45F5-9BB5-0E857DC8EB47', 'Heartbeat'), @('2A34B1C2-FD73-4043-8A5B-DD2159BC743F', 'Key-Value Pair Exchange'), @('9F8233AC-BE49-4C79-8EE3-E7E1985B2077', 'Shutdown'), @('2497F4DE-E9FA-4204-80E4-4B75C46419C0', 'Time Synchronization'), @('5DED3ABA-20AC-4BE3-8B5F-C0CE1C2E6F72', 'VSS'))) {
            $services.Add([ordered]@{ id = $x[0]; name = $x[1]; enabled = $true; status = 'OK' })
        }
        $startup = [int64]$B['MemoryStartupBytes']
        $v = [ordered]@{
            id = $id; name = $name; state = 'Off'; generation = $generation; cpus = 1
            memory = [ordered]@{ dynamic = $false; startupBytes = $startup; minimumBytes = $startup; maximumBytes = $startup }
            secureBoot = $(if ($generation -eq 2) { $true } else { $null })
            secureBootTemplate = $(if ($generation -eq 2) { 'MicrosoftWindows' } else { $null })
            notes = ''; path = $folder
            adapters = [System.Collections.Generic.List[object]]@(, [ordered]@{ name = 'Network Adapter'; switch = $null; mac = $mac; dynamicMac = $true; ips = @() })
            disks = $disks; checkpoints = [System.Collections.Generic.List[object]]::new(); integrationServices = $services
            guest = [ordered]@{ ips = @(); ipDelayMs = 0; via = 'kvp'; noise = $false; ignoreShutdown = $false }
            startedAt = $null; settlesAt = $null; settlesTo = $null
        }
        $l = Get-HvdList $st 'vms'
        $l.Add($v)
        $v
    }
    ConvertTo-HvdVm $vm
}

function Update-HvdVm {
    # Applies $Change to the VM (by id) under the lock; the VM object the caller holds is a snapshot.
    param([object]$VmObject, [scriptblock]$HvdVmChange)
    $hvdVmId = "$($VmObject.Id)"
    return Update-HvdState {
        param($st)
        $hvdVm = Get-HvdVmById $st $hvdVmId
        if ($null -eq $hvdVm) { throw (New-HvdError "Hyper-V was unable to find a virtual machine with id `"$hvdVmId`"." ObjectNotFound 'ObjectNotFound' $hvdVmId) }
        & $HvdVmChange $hvdVm $st
    }
}

function HvdImpl-Set-VMProcessor {
    param($S, $B, $Cmdlet, $Access)
    foreach ($o in @($B['VM'])) {
        $null = Update-HvdVm $o { param($v) if ($B.ContainsKey('Count')) { Assert-HvdOff $v 'processor count'; $v['cpus'] = [int64]$B['Count'] }; Set-HvdProcessorFeatures $v $B }
    }
}

function HvdImpl-Set-VMMemory {
    param($S, $B, $Cmdlet, $Access)
    # Rules: Learn Set-VMMemory; dynamic memory needs Minimum <= Startup <= Maximum; a running VM's
    # startup size and the static/dynamic switch need the VM off; online the range may only widen
    # (https://learn.microsoft.com/en-us/windows-server/virtualization/hyper-v/manage/dynamic-memory).
    foreach ($o in @($B['VM'])) {
        $null = Update-HvdVm $o {
            param($v)
            $m = $v['memory']
            $n = [ordered]@{ dynamic = [bool]$m['dynamic']; startupBytes = [int64]$m['startupBytes']; minimumBytes = [int64]$m['minimumBytes']; maximumBytes = [int64]$m['maximumBytes'] }
            if ($B.ContainsKey('DynamicMemoryEnabled')) { $n['dynamic'] = [bool]$B['DynamicMemoryEnabled'] }
            if ($B.ContainsKey('StartupBytes')) { $n['startupBytes'] = [int64]$B['StartupBytes'] }
            if ($B.ContainsKey('MinimumBytes')) { $n['minimumBytes'] = [int64]$B['MinimumBytes'] }
            if ($B.ContainsKey('MaximumBytes')) { $n['maximumBytes'] = [int64]$B['MaximumBytes'] }
            if (-not $n['dynamic']) { $n['minimumBytes'] = $n['startupBytes']; $n['maximumBytes'] = $n['startupBytes'] }
            foreach ($k in 'startupBytes', 'minimumBytes', 'maximumBytes') {
                if ($n[$k] -lt 32MB -or ($n[$k] % 2MB) -ne 0) { throw (New-HvdError "Failed to modify memory: $k $($n[$k]) must be at least 32 MB and a multiple of 2 MB." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVMMemory' $v['name']) }
            }
            if ($n['dynamic'] -and -not ($n['minimumBytes'] -le $n['startupBytes'] -and $n['startupBytes'] -le $n['maximumBytes'])) {
                throw (New-HvdError "Failed to modify memory: the minimum must not exceed the startup amount and the startup amount must not exceed the maximum." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVMMemory' $v['name'])
            }
            if ($v['state'] -ne 'Off') {
                if ($n['dynamic'] -ne [bool]$m['dynamic']) { Assert-HvdOff $v 'memory (dynamic memory switch)' }
                if ($n['startupBytes'] -ne [int64]$m['startupBytes']) { Assert-HvdOff $v 'memory (startup size)' }
                if ($v['state'] -ne 'Running' -and ($n['minimumBytes'] -ne [int64]$m['minimumBytes'] -or $n['maximumBytes'] -ne [int64]$m['maximumBytes'])) {
                    # Saved or Paused: no guest balloon driver answers; settings change only Off or Running.
                    Assert-HvdOff $v 'memory (dynamic range)'
                }
                if ($n['minimumBytes'] -gt [int64]$m['minimumBytes'] -or $n['maximumBytes'] -lt [int64]$m['maximumBytes']) {
                    throw (New-HvdError "'$($v['name'])': the dynamic memory range can only be widened while the virtual machine is running." InvalidOperation 'InvalidState' $v['name'])
                }
            }
            Set-HvdMemoryWeights $v $B $n
            $v['memory'] = $n
        }
    }
}

function HvdImpl-Set-VMFirmware {
    param($S, $B, $Cmdlet, $Access)
    foreach ($o in @($B['VM'])) {
        $null = Update-HvdVm $o {
            param($v)
            if ([int]$v['generation'] -ne 2) { throw (New-HvdError "'$($v['name'])' is a generation 1 virtual machine." InvalidArgument 'InvalidParameter' $v['name']) }
            Assert-HvdOff $v 'firmware (secure boot)'
            if ($B.ContainsKey('EnableSecureBoot')) { $v['secureBoot'] = ("$($B['EnableSecureBoot'])" -eq 'On') }
            if ($B.ContainsKey('SecureBootTemplate')) {
                # Templates on a Windows Server 2016+ host (Learn: Set-VMFirmware -SecureBootTemplate); Linux
                # guests need MicrosoftUEFICertificateAuthority (Learn: "Supported Ubuntu virtual machines on
                # Hyper-V", https://learn.microsoft.com/en-us/windows-server/virtualization/hyper-v/supported-ubuntu-virtual-machines-on-hyper-v).
                # Like the secure boot switch, only while Off (Assert-HvdOff above; Hyper-V Manager greys out
                # the Security page of a running VM).
                $t = "$($B['SecureBootTemplate'])"
                if (@('MicrosoftWindows', 'MicrosoftUEFICertificateAuthority', 'OpenSourceShieldedVM') -notcontains $t) { throw (New-HvdError "Secure boot template '$t' is not valid." InvalidArgument 'InvalidParameter' $t) }
                $v['secureBootTemplate'] = $t
            }
            if ($B.ContainsKey('FirstBootDevice')) { Set-HvdFirstBoot $v $B['FirstBootDevice'] }
        }
    }
}

function Connect-HvdAdapter {
    param([object]$Nic, [object]$SwitchName)
    $null = Update-HvdState {
        param($st)
        $v = Get-HvdVmById $st "$($Nic.VMId)"
        foreach ($a in @($v['adapters'])) { if ("$($a['name'])" -eq $Nic.Name) { $a['switch'] = $SwitchName } }
    }
}

function HvdImpl-Connect-VMNetworkAdapter {
    param($S, $B, $Cmdlet, $Access)
    if ($B.ContainsKey('VMSwitch')) {
        $name = "$($B['VMSwitch'].Name)"
        if (-not (@($S['host']['switches']) | Where-Object { "$($_['name'])" -eq $name })) { throw (New-HvdError "Hyper-V was unable to find a virtual switch with name `"$name`"." ObjectNotFound 'ObjectNotFound' $name) }
    } else {
        # -SwitchName takes wildcards and throws InvalidArgument when nothing matches (Learn:
        # Connect-VMNetworkAdapter, "Accept wildcard characters: True" on -SwitchName).
        $pattern = "$($B['SwitchName'])"
        $hit = @($S['host']['switches'] | Where-Object { Test-HvdWildcardMatch $pattern "$($_['name'])" })
        if ($hit.Count -eq 0) { throw (New-HvdError "Hyper-V was unable to find a virtual switch with name `"$pattern`"." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.ConnectVMNetworkAdapter' $pattern) }
        $name = "$($hit[0]['name'])"
    }
    foreach ($nic in @($B['VMNetworkAdapter'])) { Connect-HvdAdapter $nic $name }
}

function HvdImpl-Disconnect-VMNetworkAdapter {
    param($S, $B, $Cmdlet, $Access)
    foreach ($nic in @($B['VMNetworkAdapter'])) { Connect-HvdAdapter $nic $null }
}

function HvdImpl-Set-VMNetworkAdapter {
    param($S, $B, $Cmdlet, $Access)
    foreach ($nic in @($B['VMNetworkAdapter'])) {
        $null = Update-HvdState {
            param($st)
            $v = Get-HvdVmById $st "$($nic.VMId)"
            foreach ($a in @($v['adapters'])) {
                if ("$($a['name'])" -ne $nic.Name) { continue }
                if ($B.ContainsKey('StaticMacAddress') -or $B.ContainsKey('DynamicMacAddress')) { Assert-HvdOff $v 'network adapter (MAC address)' }
                if ($B.ContainsKey('StaticMacAddress')) {
                    $mac = "$($B['StaticMacAddress'])" -replace '[-:]', ''
                    if ($mac -notmatch '^[0-9A-Fa-f]{12}$') { throw (New-HvdError "'$($B['StaticMacAddress'])' is not a valid MAC address." InvalidArgument 'InvalidParameter' $mac) }
                    $a['mac'] = $mac.ToUpperInvariant(); $a['dynamicMac'] = $false
                }
                if ($B.ContainsKey('DynamicMacAddress')) { $a['dynamicMac'] = $true }
                # The guards change while the VM runs (Learn: Set-VMNetworkAdapter -MacAddressSpoofing, -DhcpGuard, -RouterGuard).
                foreach ($g in @(@('MacAddressSpoofing', 'macSpoofing'), @('DhcpGuard', 'dhcpGuard'), @('RouterGuard', 'routerGuard'))) {
                    if ($B.ContainsKey($g[0])) { $a[$g[1]] = ("$($B[$g[0]])" -eq 'On') }
                }
            }
        }
    }
}

function HvdImpl-Set-VM {
    param($S, $B, $Cmdlet, $Access)
    foreach ($o in @($B['VM'])) {
        $null = Update-HvdVm $o { param($v) if ($B.ContainsKey('Notes')) { $v['notes'] = "$($B['Notes'])" }; Set-HvdLifecycle $v $B }
    }
}

function HvdImpl-Start-VM {
    param($S, $B, $Cmdlet, $Access)
    foreach ($o in @($B['VM'])) {
        $null = Update-HvdVm $o {
            param($v)
            if ($v['state'] -eq 'Running') { return }
            if (@('Off', 'Saved') -notcontains $v['state']) { throw (New-HvdError "'$($v['name'])' failed to start. The operation cannot be performed while the object is in its current state." InvalidOperation 'InvalidState' $v['name']) }
            if ($v['state'] -eq 'Off') { $v['startedAt'] = [DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds() }
            $v['state'] = 'Running'
        }
    }
}

function HvdImpl-Resume-VM {
    param($S, $B, $Cmdlet, $Access)
    foreach ($o in @($B['VM'])) { $null = Update-HvdVm $o { param($v) if ($v['state'] -eq 'Paused') { $v['state'] = 'Running' } } }
}

function HvdImpl-Remove-VMSavedState {
    param($S, $B, $Cmdlet, $Access)
    foreach ($o in @($B['VM'])) { $null = Update-HvdVm $o { param($v) if ($v['state'] -eq 'Saved') { Set-HvdOff $v } } }
}

function HvdImpl-Stop-VM {
    param($S, $B, $Cmdlet, $Access)
    # Learn: Stop-VM. -TurnOff powers off at once. Without it the guest is asked to shut down through
    # its Shutdown integration service; when that service is unavailable Stop-VM asks to turn the VM
    # off instead (ShouldContinue), and -Force answers yes: the VM is turned off (review of issue 10;
    # https://learn.microsoft.com/en-us/powershell/module/hyper-v/stop-vm, -Force). A guest that ignores
    # the request keeps Stop-VM waiting.
    foreach ($o in @($B['VM'])) {
        $v = Get-HvdVmById $S "$($o.Id)"
        if ($B.ContainsKey('TurnOff')) {
            $null = Update-HvdVm $o { param($x, $st) if ($x['state'] -ne 'Off') { Set-HvdOff $x; Get-HvdRecord $st "turnoff:$($x['name'])" } }
            continue
        }
        if ($v['state'] -eq 'Off') { continue }
        if (-not (Test-HvdShutdownReady $v)) {
            $yes = [bool](Get-HvdP $B 'Force') -or [bool](Get-HvdP $B 'AsJob') -or $Cmdlet.ShouldContinue("The virtual machine '$($v['name'])' cannot be shut down because the shutdown integration service is unavailable. Turn it off instead?", 'Turn off')
            if ($yes) { $null = Update-HvdVm $o { param($x, $st) Set-HvdOff $x; Get-HvdRecord $st "turnoff:$($x['name'])" } }
            continue
        }
        if ($B.ContainsKey('AsJob')) { Start-HvdStopJob $o; continue }
        Wait-HvdShutdown $o
    }
}

function Wait-HvdShutdown {
    param([object]$VmObject)
    while ($true) {
        $st = Read-HvdState
        $x = Get-HvdVmById $st "$($VmObject.Id)"
        if ($null -eq $x -or $x['state'] -eq 'Off') { return }
        if (-not $x['guest']['ignoreShutdown']) {
            $null = Update-HvdVm $VmObject { param($y, $s2) if ($y['state'] -ne 'Off') { Set-HvdOff $y; Get-HvdRecord $s2 "shutdown:$($y['name'])" } }
            return
        }
        Start-Sleep -Milliseconds 200
    }
}

function Start-HvdStopJob {
    # -AsJob: the shutdown runs as a job on a thread of the agent's process. Disposing the job
    # (Remove-Job) before the shutdown completes and then having it complete crashes the process
    # (review of issue 10; the same disposal race as PowerShell/PowerShell#21447). Modelled with a
    # thread job plus a watcher on a separate runspace that ends the process when that happens.
    param([object]$VmObject)
    $module = Join-Path $PSScriptRoot 'Hyper-V.psd1'
    $job = Start-ThreadJob -ScriptBlock {
        param($m, $id)
        Import-Module $m
        & (Get-Module Hyper-V) { param($i) Wait-HvdShutdown ([pscustomobject]@{ Id = $i }) } $id
    } -ArgumentList $module, "$($VmObject.Id)"
    $rs = [powershell]::Create()
    $null = $rs.AddScript({
            param($job, $statePath, $id)
            while ($true) {
                Start-Sleep -Milliseconds 100
                $s = ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($statePath)) -AsHashtable -DateKind String
                $vm = @($s['vms'] | Where-Object { "$($_['id'])" -eq $id })
                $off = ($vm.Count -eq 0 -or $vm[0]['state'] -eq 'Off')
                if ($off) {
                    if ("$($job.JobStateInfo.State)" -eq 'Stopped') { [Environment]::FailFast('Hyper-V double: a Stop-VM job completed after it was removed (disposed) - the agent process crashes') }
                    return
                }
            }
        }).AddArgument($job).AddArgument($script:HvdStatePath).AddArgument("$($VmObject.Id)")
    $null = $rs.BeginInvoke()
    return $job
}

function HvdImpl-Checkpoint-VM {
    param($S, $B, $Cmdlet, $Access)
    $out = @()
    foreach ($o in @($B['VM'])) {
        $cp = Update-HvdVm $o {
            param($v, $st)
            $c = [ordered]@{ id = [guid]::NewGuid().ToString(); name = "$($B['SnapshotName'])" }
            $l = Get-HvdList $v 'checkpoints'
            $l.Add($c)
            # Each checkpoint starts a new differencing disk <name>_<guid>.avhdx beside the current
            # one; the drive now points at it (Learn: "Hyper-V checkpoints"; VHDX chains end at .vhdx).
            foreach ($d in @($v['disks'])) {
                $cur = Get-HvdDrivePath $d
                $dir = $cur.Substring(0, $cur.LastIndexOf('\'))
                $base = [System.IO.Path]::GetFileNameWithoutExtension(($d['path'] -replace '\\', '/'))
                $avhdx = "$dir\$($base)_$($c['id'].ToUpperInvariant()).avhdx"
                $info = Read-HvdVhdFile $cur
                Write-HvdVhdFile $avhdx $(if ($info) { $info['format'] } else { 'VHDX' }) 'Differencing' ([int64]$d['sizeBytes']) $cur
                $d['drivePath'] = $avhdx
            }
            $c
        }
        $out += New-HvdObject @('Microsoft.HyperV.PowerShell.VMSnapshot', 'Microsoft.HyperV.PowerShell.VirtualMachineBase') ([ordered]@{ Id = [guid]$cp['id']; Name = "$($cp['name'])"; VMId = [guid]$o.Id; VMName = $o.Name })
    }
    if ($B.ContainsKey('Passthru')) { $out }
}

function HvdImpl-Remove-VM {
    param($S, $B, $Cmdlet, $Access)
    # Remove-VM deletes the configuration and keeps the virtual disks (Learn: Remove-VM).
    foreach ($o in @($B['VM'])) {
        $v = Get-HvdVmById $S "$($o.Id)"
        if ($null -eq $v) { continue }
        if ($v['state'] -ne 'Off' -and $v['state'] -ne 'Saved') { Assert-HvdOff $v 'configuration (remove)' }
        if (-not [bool](Get-HvdP $B 'Force') -and -not $Cmdlet.ShouldContinue("Remove '$($v['name'])'?", 'Remove-VM')) { continue }
        $id = "$($o.Id)"
        $null = Update-HvdState { param($st) $st['vms'] = [System.Collections.Generic.List[object]]@(@($st['vms']) | Where-Object { "$($_['id'])" -ne $id }) }
    }
}

# --- network surface (issue 14): adapters, VLANs, guards, switches ---------------------------------
# VMNetworkAdapterVlanMode (Learn: Get-VMNetworkAdapterVlan, OperationMode; values of
# Microsoft.HyperV.PowerShell.VMNetworkAdapterVlanMode).
enum VMNetworkAdapterVlanMode { Untagged = 0; Access = 1; Trunk = 2; Private = 3 }

function Find-HvdAdapter {
    # The state entry behind an adapter object: by its VM and name (the agent keeps names unique in a VM).
    param([System.Collections.IDictionary]$State, [object]$Nic)
    $v = Get-HvdVmById $State "$($Nic.VMId)"
    if ($null -eq $v) { throw (New-HvdError "Hyper-V was unable to find a virtual machine with id `"$($Nic.VMId)`"." ObjectNotFound 'ObjectNotFound' $Nic.VMId) }
    $i = 0
    foreach ($a in @($v['adapters'])) {
        if ("$($a['name'])" -eq "$($Nic.Name)") { return @{ vm = $v; adapter = $a; index = $i } }
        $i++
    }
    throw (New-HvdError "'$($v['name'])' has no network adapter '$($Nic.Name)'." ObjectNotFound 'ObjectNotFound' $Nic.Name)
}

function Assert-HvdHotPlug {
    # Network adapters are added or removed while the VM runs only on generation 2 (Learn: "What's new
    # in Hyper-V on Windows Server 2016": hot add and remove for network adapters, generation 2 VMs).
    param([System.Collections.IDictionary]$Vm, [string]$What)
    if ([int]$Vm['generation'] -ne 2) { Assert-HvdOff $Vm $What }
}

function HvdImpl-Add-VMNetworkAdapter {
    param($S, $B, $Cmdlet, $Access)
    if ($B.ContainsKey('SwitchName')) { throw (New-HvdError 'Add-VMNetworkAdapter -SwitchName is not modelled by the double (the agent connects by switch object)' NotImplemented 'NotModelled' $null) }
    foreach ($o in @($B['VM'])) {
        $r = Update-HvdVm $o {
            param($v)
            Assert-HvdHotPlug $v 'network adapters (add)'
            $a = [ordered]@{ name = $(if ($B.ContainsKey('Name')) { "$($B['Name'])" } else { 'Network Adapter' }); switch = $null; mac = '00155D' + ('{0:X6}' -f (Get-Random -Maximum 0xFFFFFF)); dynamicMac = $true; ips = @(); vlan = $null; macSpoofing = $false; dhcpGuard = $false; routerGuard = $false }
            if ($B.ContainsKey('StaticMacAddress')) {
                $mac = "$($B['StaticMacAddress'])" -replace '[-:]', ''
                if ($mac -notmatch '^[0-9A-Fa-f]{12}$') { throw (New-HvdError "'$($B['StaticMacAddress'])' is not a valid MAC address." InvalidArgument 'InvalidParameter' $mac) }
                $a['mac'] = $mac.ToUpperInvariant(); $a['dynamicMac'] = $false
            }
            $l = Get-HvdList $v 'adapters'
            $l.Add($a)
            @{ vm = $v; adapter = $a; index = $l.Count - 1 }
        }
        if ($B.ContainsKey('Passthru')) { ConvertTo-HvdAdapter $r.vm $r.adapter $r.index }
    }
}

function HvdImpl-Remove-VMNetworkAdapter {
    param($S, $B, $Cmdlet, $Access)
    foreach ($nic in @($B['VMNetworkAdapter'])) {
        $null = Update-HvdState {
            param($st)
            $f = Find-HvdAdapter $st $nic
            Assert-HvdHotPlug $f.vm 'network adapters (remove)'
            $l = Get-HvdList $f.vm 'adapters'
            $l.RemoveAt($f.index)
        }
    }
}

function HvdImpl-Rename-VMNetworkAdapter {
    param($S, $B, $Cmdlet, $Access)
    foreach ($nic in @($B['VMNetworkAdapter'])) {
        $r = Update-HvdState { param($st) $f = Find-HvdAdapter $st $nic; $f.adapter['name'] = "$($B['NewName'])"; $f }
        if ($B.ContainsKey('Passthru')) { ConvertTo-HvdAdapter $r.vm $r.adapter $r.index }
    }
}

function HvdImpl-Get-VMNetworkAdapterVlan {
    # One VMNetworkAdapterVlanSetting per adapter, with its ParentAdapter (Learn: Get-VMNetworkAdapterVlan).
    param($S, $B, $Cmdlet, $Access)
    $nics = @()
    if ($B.ContainsKey('VMNetworkAdapter')) { $nics = @($B['VMNetworkAdapter']) }
    else { foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMNetworkAdapterVlan')) { $i = 0; foreach ($a in @($v['adapters'])) { $nics += ConvertTo-HvdAdapter $v $a $i; $i++ } } }
    foreach ($nic in $nics) {
        $f = Find-HvdAdapter $S $nic
        $vlan = $(if ($f.adapter.Contains('vlan')) { $f.adapter['vlan'] } else { $null })
        New-HvdObject @('Microsoft.HyperV.PowerShell.VMNetworkAdapterVlanSetting') ([ordered]@{
                OperationMode = $(if ($null -ne $vlan) { [VMNetworkAdapterVlanMode]::Access } else { [VMNetworkAdapterVlanMode]::Untagged })
                AccessVlanId  = $(if ($null -ne $vlan) { [int]$vlan } else { 0 })
                ParentAdapter = ConvertTo-HvdAdapter $f.vm $f.adapter $f.index
                VMName        = "$($f.vm['name'])"
            })
    }
}

function HvdImpl-Set-VMNetworkAdapterVlan {
    # Access mode with a VLAN id 1..4094, or untagged; changes while the VM runs (Learn:
    # Set-VMNetworkAdapterVlan names no state requirement; HyperVDsc's VMNetworkAdapter sets it online).
    param($S, $B, $Cmdlet, $Access)
    if (-not $B.ContainsKey('Access') -and -not $B.ContainsKey('Untagged')) { throw (New-HvdError 'Only -Access and -Untagged are modelled by the double' NotImplemented 'NotModelled' $null) }
    if ($B.ContainsKey('Access') -and (-not $B.ContainsKey('VlanId') -or [int]$B['VlanId'] -lt 1 -or [int]$B['VlanId'] -gt 4094)) {
        throw (New-HvdError "The VLAN identifier '$($B['VlanId'])' is invalid: it must be between 1 and 4094." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVMNetworkAdapterVlan' $B['VlanId'])
    }
    foreach ($nic in @($B['VMNetworkAdapter'])) {
        $null = Update-HvdState { param($st) $f = Find-HvdAdapter $st $nic; $f.adapter['vlan'] = $(if ($B.ContainsKey('Access')) { [int]$B['VlanId'] } else { $null }) }
    }
}

function HvdImpl-New-VMSwitch {
    # -SwitchType takes Internal or Private; an external switch needs -NetAdapterName or
    # -NetAdapterInterfaceDescription (Learn: New-VMSwitch -SwitchType). Hyper-V identifies switches by
    # Id, not name: the double does not refuse a second switch of the same name (the agent must).
    param($S, $B, $Cmdlet, $Access)
    $type = "$($B['SwitchType'])"
    if ($type -ne 'Internal' -and $type -ne 'Private') { throw (New-HvdError "Cannot create a switch of type '$type' without a network adapter: specify -NetAdapterName or -NetAdapterInterfaceDescription." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.NewVMSwitch' $type) }
    $w = Update-HvdState {
        param($st)
        $x = [ordered]@{ name = "$($B['Name'])"; type = $type; notes = "$(Get-HvdP $B 'Notes')"; nat = $null }
        $l = Get-HvdList $st['host'] 'switches'
        $l.Add($x)
        $x
    }
    ConvertTo-HvdSwitch $w
}

function HvdImpl-Remove-VMSwitch {
    # Remove-VMSwitch has no in-use check of its own (Learn: Remove-VMSwitch; its only guard is the
    # -Force confirmation): adapters connected to it are left disconnected, and an internal switch's
    # host adapter goes with its addresses. A NetNat on its subnet stays (NetNat knows no switches).
    param($S, $B, $Cmdlet, $Access)
    foreach ($sw in @($B['VMSwitch'])) {
        if (-not [bool](Get-HvdP $B 'Force') -and -not $Cmdlet.ShouldContinue("Remove switch '$($sw.Name)'?", 'Remove-VMSwitch')) { continue }
        $name = "$($sw.Name)"
        $null = Update-HvdState {
            param($st)
            $st['host']['switches'] = [System.Collections.Generic.List[object]]@(@($st['host']['switches']) | Where-Object { "$($_['name'])" -ne $name })
            foreach ($v in @($st['vms'])) { foreach ($a in @($v['adapters'])) { if ("$($a['switch'])" -eq $name) { $a['switch'] = $null } } }
            $net = Get-HvdNet $st
            $net['addresses'] = [System.Collections.Generic.List[object]]@(@($net['addresses']) | Where-Object { "$($_['alias'])" -ne "vEthernet ($name)" })
        }
    }
}

# --- storage and settings surface (issue 14) ------------------------------------------------------
# Data disks at their controller slots, DVD drives, TPM, processor, memory and lifecycle settings,
# boot order, integration services. Defaults are a new VM's (New-VM; Learn pages cited per rule) and
# the simulator's (src/backends/sim/host.ts create), so a state file means the same to both.

function Get-HvdSetting {
    param([System.Collections.IDictionary]$Vm, [string]$Key)
    if ($Vm.Contains($Key) -and $null -ne $Vm[$Key]) { return $Vm[$Key] }
    $gen2 = ([int]$Vm['generation'] -eq 2)
    # New-VM's defaults: no TPM, production checkpoints, start if it was running, save on host
    # shutdown, memory weight 5000 (Priority 50), buffer 20 % (Learn: Set-VM, Set-VMMemory; "Choose
    # between standard or production checkpoints"), gen 2 boots from its hard disk, gen 1 from CD.
    switch ($Key) {
        'tpm' { if ($gen2) { return $false } return $null }
        'nestedVirtualization' { return $false }
        'compatibilityForMigration' { return $false }
        'checkpointType' { return 'Production' }
        'automaticStartAction' { return 'StartIfRunning' }
        'automaticStartDelaySec' { return 0 }
        'automaticStopAction' { return 'Save' }
        'memoryWeight' { return 5000 }
        'memoryBuffer' { return 20 }
        'firstBootDevice' { if ($gen2) { return 'HardDisk' } return 'DvdDrive' }
    }
    return $null
}

function Get-HvdDiskSlot {
    # A disk without a recorded slot (a seeded or New-VM boot disk) sits where New-VM puts it: SCSI on
    # generation 2, IDE on generation 1, controller 0, in list order.
    param([System.Collections.IDictionary]$Vm, [System.Collections.IDictionary]$Disk, [int]$Index)
    if ($Disk.Contains('controllerType') -and $Disk['controllerType']) {
        return @{ type = "$($Disk['controllerType'])"; number = [int]$Disk['controllerNumber']; location = [int]$Disk['controllerLocation'] }
    }
    return @{ type = $(if ([int]$Vm['generation'] -eq 2) { 'SCSI' } else { 'IDE' }); number = 0; location = $Index }
}

function Get-HvdSlots {
    # Every taken slot of the VM (disks and DVD drives), as "TYPE:n:l".
    param([System.Collections.IDictionary]$Vm)
    $out = New-Object System.Collections.ArrayList
    $i = 0
    foreach ($d in @($Vm['disks'])) { $s = Get-HvdDiskSlot $Vm $d $i; $null = $out.Add("$($s.type):$($s.number):$($s.location)"); $i++ }
    if ($Vm.Contains('dvdDrives')) { foreach ($d in @($Vm['dvdDrives'])) { $null = $out.Add("$($d['controllerType']):$($d['controllerNumber']):$($d['controllerLocation'])") } }
    return , $out.ToArray()
}

function Get-HvdScsiCount {
    # Generation 2 VMs come with one SCSI controller, generation 1 with none (Learn: Add-VMScsiController);
    # a VM whose drives sit on controller n has at least n+1.
    param([System.Collections.IDictionary]$Vm)
    $n = $(if ($Vm.Contains('scsiControllers') -and $null -ne $Vm['scsiControllers']) { [int]$Vm['scsiControllers'] } elseif ([int]$Vm['generation'] -eq 2) { 1 } else { 0 })
    foreach ($s in (Get-HvdSlots $Vm)) { $p = $s -split ':'; if ($p[0] -eq 'SCSI' -and [int]$p[1] + 1 -gt $n) { $n = [int]$p[1] + 1 } }
    return $n
}

function Assert-HvdSlot {
    # Generation 2 has no IDE; IDE is 0-1:0-1, SCSI 0-3:0-63; one drive per slot (Learn: "Should I create
    # a generation 1 or 2 virtual machine in Hyper-V?", Add-VMHardDiskDrive).
    param([System.Collections.IDictionary]$Vm, [string]$Type, [int]$Number, [int]$Location, [string]$Cmdlet)
    $err = $null
    if ($Type -eq 'IDE' -and [int]$Vm['generation'] -eq 2) { $err = "'$($Vm['name'])' is a generation 2 virtual machine: it has no IDE controller." }
    elseif ($Type -eq 'IDE' -and ($Number -gt 1 -or $Location -gt 1)) { $err = "IDE controller $Number location $Location does not exist." }
    elseif ($Type -eq 'SCSI' -and ($Number -ge (Get-HvdScsiCount $Vm) -or $Location -gt 63)) { $err = "'$($Vm['name'])' has no SCSI controller $Number with location $Location." }
    elseif ((Get-HvdSlots $Vm) -contains "$($Type):$($Number):$($Location)") { $err = "'$($Vm['name'])': a drive is already attached at $Type $($Number):$Location." }
    if ($null -ne $err) { throw (New-HvdError "Failed to add device. $err" InvalidArgument "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.$Cmdlet" $Vm['name']) }
}

function Test-HvdHostFile {
    param([string]$Path)
    try { return [System.IO.File]::Exists((ConvertTo-HvdLocalPath $Path)) } catch { return $false }
}

function ConvertTo-HvdDvd {
    # Microsoft.HyperV.PowerShell.DvdDrive: Path is the inserted image, empty when there is none.
    param([System.Collections.IDictionary]$Vm, [System.Collections.IDictionary]$D)
    return New-HvdObject @('Microsoft.HyperV.PowerShell.DvdDrive', 'Microsoft.HyperV.PowerShell.Drive', 'Microsoft.HyperV.PowerShell.VMDevice', 'Microsoft.HyperV.PowerShell.VMComponentObject') ([ordered]@{
            Name               = "DVD Drive on $($D['controllerType']) controller number $($D['controllerNumber']) at location $($D['controllerLocation'])"
            VMId               = [guid]$Vm['id']
            VMName             = "$($Vm['name'])"
            ControllerType     = "$($D['controllerType'])"
            ControllerNumber   = [int]$D['controllerNumber']
            ControllerLocation = [int]$D['controllerLocation']
            Path               = $(if ($D['path']) { "$($D['path'])" } else { $null })
        })
}

function HvdImpl-Get-VMDvdDrive {
    param($S, $B, $Cmdlet, $Access)
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMDvdDrive')) {
        if (-not $v.Contains('dvdDrives')) { continue }
        foreach ($d in @($v['dvdDrives'])) { ConvertTo-HvdDvd $v $d }
    }
}

function HvdImpl-Add-VMDvdDrive {
    param($S, $B, $Cmdlet, $Access)
    # Add-VMDvdDrive has no controller type: generation 1 DVD drives are IDE, generation 2 SCSI (Learn:
    # Add-VMDvdDrive). Adding hardware other than SCSI disks needs the VM off (Learn: "Hyper-V hot add
    # and remove"; only SCSI disks, network adapters and memory change online).
    foreach ($o in @($B['VM'])) {
        $null = Update-HvdVm $o {
            param($v)
            Assert-HvdOff $v 'DVD drives (add)'
            $type = $(if ([int]$v['generation'] -eq 2) { 'SCSI' } else { 'IDE' })
            Assert-HvdSlot $v $type ([int]$B['ControllerNumber']) ([int]$B['ControllerLocation']) 'AddVMDvdDrive'
            $p = "$(Get-HvdP $B 'Path')"
            if ($p -ne '' -and -not (Test-HvdHostFile $p)) { throw (New-HvdError "Failed to add device 'Virtual CD/DVD Disk': the file '$p' does not exist." ObjectNotFound 'ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.AddVMDvdDrive' $p) }
            $l = Get-HvdList $v 'dvdDrives'
            $l.Add([ordered]@{ controllerType = $type; controllerNumber = [int]$B['ControllerNumber']; controllerLocation = [int]$B['ControllerLocation']; path = $(if ($p -ne '') { $p } else { $null }) })
        }
    }
}

function HvdImpl-Set-VMDvdDrive {
    param($S, $B, $Cmdlet, $Access)
    # Media change is online; -Path $null ejects (Learn: Set-VMDvdDrive).
    foreach ($o in @($B['VMDvdDrive'])) {
        $null = Update-HvdVm ([pscustomobject]@{ Id = $o.VMId }) {
            param($v)
            $hit = @(@($v['dvdDrives']) | Where-Object { "$($_['controllerType'])" -eq "$($o.ControllerType)" -and [int]$_['controllerNumber'] -eq [int]$o.ControllerNumber -and [int]$_['controllerLocation'] -eq [int]$o.ControllerLocation })
            if ($hit.Count -eq 0) { throw (New-HvdError "'$($v['name'])' has no DVD drive at $($o.ControllerType) $($o.ControllerNumber):$($o.ControllerLocation)." ObjectNotFound 'ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.SetVMDvdDrive' $v['name']) }
            $p = "$(Get-HvdP $B 'Path')"
            if ($p -ne '' -and -not (Test-HvdHostFile $p)) { throw (New-HvdError "Failed to change media: the file '$p' does not exist." ObjectNotFound 'ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.SetVMDvdDrive' $p) }
            $hit[0]['path'] = $(if ($p -ne '') { $p } else { $null })
        }
    }
}

function HvdImpl-Get-VMScsiController {
    param($S, $B, $Cmdlet, $Access)
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMScsiController')) {
        for ($i = 0; $i -lt (Get-HvdScsiCount $v); $i++) {
            New-HvdObject @('Microsoft.HyperV.PowerShell.VMScsiController', 'Microsoft.HyperV.PowerShell.VMDriveController') ([ordered]@{ VMId = [guid]$v['id']; VMName = "$($v['name'])"; ControllerNumber = $i })
        }
    }
}

function HvdImpl-Add-VMScsiController {
    param($S, $B, $Cmdlet, $Access)
    # A controller is added only while the VM is off; at most four (Learn: Add-VMScsiController).
    foreach ($o in @($B['VM'])) {
        $null = Update-HvdVm $o {
            param($v)
            Assert-HvdOff $v 'SCSI controllers (add)'
            $n = Get-HvdScsiCount $v
            if ($n -ge 4) { throw (New-HvdError "'$($v['name'])' already has 4 SCSI controllers." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.AddVMScsiController' $v['name']) }
            $v['scsiControllers'] = $n + 1
        }
    }
}

function HvdImpl-Add-VMHardDiskDrive {
    param($S, $B, $Cmdlet, $Access)
    # SCSI disks attach to a running VM; IDE only while it is off (Learn: Add-VMHardDiskDrive, "Hyper-V
    # hot add and remove of SCSI disks"). The file must be a virtual disk that exists.
    $path = "$($B['Path'])"
    $vhd = Get-HvdVhdInfo $path $S
    foreach ($o in @($B['VM'])) {
        $null = Update-HvdVm $o {
            param($v)
            $type = $(if ($B.ContainsKey('ControllerType')) { "$($B['ControllerType'])" } elseif ([int]$v['generation'] -eq 2) { 'SCSI' } else { 'IDE' })
            if ($type -eq 'IDE') { Assert-HvdOff $v 'IDE controller (add disk)' }
            Assert-HvdSlot $v $type ([int]$B['ControllerNumber']) ([int]$B['ControllerLocation']) 'AddVMHardDiskDrive'
            $l = Get-HvdList $v 'disks'
            $l.Add([ordered]@{ path = $path; sizeBytes = [int64]$vhd['sizeBytes']; parentPath = $(if ($vhd['parentPath']) { "$($vhd['parentPath'])" } else { $null }); controllerType = $type; controllerNumber = [int]$B['ControllerNumber']; controllerLocation = [int]$B['ControllerLocation'] })
        }
    }
}

function HvdImpl-Remove-VMHardDiskDrive {
    param($S, $B, $Cmdlet, $Access)
    # Detaches; the file stays (Learn: Remove-VMHardDiskDrive). IDE only while off, SCSI online.
    foreach ($o in @($B['VMHardDiskDrive'])) {
        $null = Update-HvdVm ([pscustomobject]@{ Id = $o.VMId }) {
            param($v)
            if ("$($o.ControllerType)" -eq 'IDE') { Assert-HvdOff $v 'IDE controller (remove disk)' }
            $keep = [System.Collections.Generic.List[object]]::new()
            $i = 0
            $found = $false
            foreach ($d in @($v['disks'])) {
                $s = Get-HvdDiskSlot $v $d $i
                if ($s.type -eq "$($o.ControllerType)" -and $s.number -eq [int]$o.ControllerNumber -and $s.location -eq [int]$o.ControllerLocation) { $found = $true }
                else {
                    # Recorded so the remaining disks keep their slots once list positions shift.
                    $d['controllerType'] = $s.type; $d['controllerNumber'] = $s.number; $d['controllerLocation'] = $s.location
                    $keep.Add($d)
                }
                $i++
            }
            if (-not $found) { throw (New-HvdError "'$($v['name'])' has no hard disk drive at $($o.ControllerType) $($o.ControllerNumber):$($o.ControllerLocation)." ObjectNotFound 'ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.RemoveVMHardDiskDrive' $v['name']) }
            $v['disks'] = $keep
        }
    }
}

function HvdImpl-Get-VMSecurity {
    param($S, $B, $Cmdlet, $Access)
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMSecurity')) {
        New-HvdObject @('Microsoft.HyperV.PowerShell.VMSecurity') ([ordered]@{ VMId = [guid]$v['id']; VMName = "$($v['name'])"; TpmEnabled = [bool](Get-HvdSetting $v 'tpm'); Shielded = $false })
    }
}

function HvdImpl-Get-VMKeyProtector {
    param($S, $B, $Cmdlet, $Access)
    # Without a key protector Hyper-V returns the 4 bytes 0,0,0,4 (Microsoft's GuardedFabricTools,
    # ConvertTo-ShieldedVM: "Length -gt 4" means one exists). Bytes go to the pipeline one by one.
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMKeyProtector')) {
        if ($v.Contains('keyProtector') -and $v['keyProtector']) { [byte[]](@(0, 0, 0, 8) + (1..60)) } else { [byte[]]@(0, 0, 0, 4) }
    }
}

function Assert-HvdGen2 {
    param([System.Collections.IDictionary]$Vm, [string]$What, [string]$Cmdlet)
    if ([int]$Vm['generation'] -ne 2) { throw (New-HvdError "'$($Vm['name'])' is a generation 1 virtual machine: $What needs generation 2." InvalidArgument "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.$Cmdlet" $Vm['name']) }
}

function HvdImpl-Set-VMKeyProtector {
    param($S, $B, $Cmdlet, $Access)
    # Security settings change only while the VM is off (Learn: "Generation 2 virtual machine security
    # settings for Hyper-V": the Security page of a running VM is read-only).
    foreach ($o in @($B['VM'])) { $null = Update-HvdVm $o { param($v) Assert-HvdGen2 $v 'a key protector' 'SetVMKeyProtector'; Assert-HvdOff $v 'security (key protector)'; $v['keyProtector'] = $true } }
}

function HvdImpl-Enable-VMTPM {
    param($S, $B, $Cmdlet, $Access)
    # A virtual TPM needs a key protector first (Set-VMKeyProtector); without one Enable-VMTPM fails
    # (Learn: Enable-VMTPM; the key protector error reported by users of Windows 11 guests).
    foreach ($o in @($B['VM'])) {
        $null = Update-HvdVm $o {
            param($v)
            Assert-HvdGen2 $v 'a virtual TPM' 'EnableVMTPM'
            Assert-HvdOff $v 'security (TPM)'
            if (-not ($v.Contains('keyProtector') -and $v['keyProtector'])) { throw (New-HvdError "Failed to enable the TPM of '$($v['name'])': the virtual machine has no key protector." InvalidOperation 'InvalidOperation,Microsoft.HyperV.PowerShell.Commands.EnableVMTPM' $v['name']) }
            $v['tpm'] = $true
        }
    }
}

function HvdImpl-Disable-VMTPM {
    param($S, $B, $Cmdlet, $Access)
    foreach ($o in @($B['VM'])) { $null = Update-HvdVm $o { param($v) Assert-HvdGen2 $v 'a virtual TPM' 'DisableVMTPM'; Assert-HvdOff $v 'security (TPM)'; $v['tpm'] = $false } }
}

function HvdImpl-Get-VMProcessor {
    param($S, $B, $Cmdlet, $Access)
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMProcessor')) {
        New-HvdObject @('Microsoft.HyperV.PowerShell.VMProcessor') ([ordered]@{
                VMId = [guid]$v['id']; VMName = "$($v['name'])"; Count = [int64]$v['cpus']
                ExposeVirtualizationExtensions = [bool](Get-HvdSetting $v 'nestedVirtualization')
                CompatibilityForMigrationEnabled = [bool](Get-HvdSetting $v 'compatibilityForMigration')
            })
    }
}

function Set-HvdProcessorFeatures {
    # Nested virtualization and processor compatibility change only while the VM is off (Learn: "Run
    # Hyper-V in a virtual machine with nested virtualization": "the VM must be off"; Set-VMProcessor
    # -CompatibilityForMigrationEnabled, "Processor compatibility mode in Hyper-V").
    param([System.Collections.IDictionary]$Vm, [hashtable]$B)
    if ($B.ContainsKey('ExposeVirtualizationExtensions')) { Assert-HvdOff $Vm 'processor (virtualization extensions)'; $Vm['nestedVirtualization'] = [bool]$B['ExposeVirtualizationExtensions'] }
    if ($B.ContainsKey('CompatibilityForMigrationEnabled')) { Assert-HvdOff $Vm 'processor (compatibility for migration)'; $Vm['compatibilityForMigration'] = [bool]$B['CompatibilityForMigrationEnabled'] }
}

function HvdImpl-Get-VMMemory {
    param($S, $B, $Cmdlet, $Access)
    # Priority is the memory weight on Set-VMMemory's 0..100 scale (Learn: Set-VMMemory -Priority).
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMMemory')) {
        New-HvdObject @('Microsoft.HyperV.PowerShell.VMMemory') ([ordered]@{
                VMId = [guid]$v['id']; VMName = "$($v['name'])"; DynamicMemoryEnabled = [bool]$v['memory']['dynamic']
                Startup = [int64]$v['memory']['startupBytes']; Minimum = [int64]$v['memory']['minimumBytes']; Maximum = [int64]$v['memory']['maximumBytes']
                Priority = [int]([int](Get-HvdSetting $v 'memoryWeight') / 100); Buffer = [int](Get-HvdSetting $v 'memoryBuffer')
            })
    }
}

function Set-HvdMemoryWeights {
    # -Priority 0..100 and -Buffer 5..2000 (percent) change online; the buffer belongs to dynamic memory
    # (Learn: Set-VMMemory -Priority, -Buffer; "Hyper-V Dynamic Memory Overview").
    param([System.Collections.IDictionary]$Vm, [hashtable]$B, [System.Collections.IDictionary]$Memory)
    if ($B.ContainsKey('Priority')) {
        $p = [int]$B['Priority']
        if ($p -lt 0 -or $p -gt 100) { throw (New-HvdError "Memory priority $p is out of range 0..100." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVMMemory' $Vm['name']) }
        $Vm['memoryWeight'] = $p * 100
    }
    if ($B.ContainsKey('Buffer')) {
        $buffer = [int]$B['Buffer']
        if (-not $Memory['dynamic']) { throw (New-HvdError "'$($Vm['name'])': the memory buffer can be set only with dynamic memory enabled." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVMMemory' $Vm['name']) }
        if ($buffer -lt 5 -or $buffer -gt 2000) { throw (New-HvdError "Memory buffer $buffer is out of range 5..2000." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVMMemory' $Vm['name']) }
        $Vm['memoryBuffer'] = $buffer
    }
}

function Set-HvdLifecycle {
    # Set-VM: the checkpoint type changes online; the automatic start/stop actions and the start delay
    # only while the VM is off (Hyper-V Manager greys them out on a running VM; the simulator's rule).
    param([System.Collections.IDictionary]$Vm, [hashtable]$B)
    foreach ($x in @(@('AutomaticStartAction', 'automaticStartAction'), @('AutomaticStartDelay', 'automaticStartDelaySec'), @('AutomaticStopAction', 'automaticStopAction'))) {
        if ($B.ContainsKey($x[0])) { Assert-HvdOff $Vm "automatic actions ($($x[0]))" }
    }
    if ($B.ContainsKey('CheckpointType')) {
        $t = "$($B['CheckpointType'])"
        if (@('Disabled', 'Production', 'ProductionOnly', 'Standard') -notcontains $t) { throw (New-HvdError "Checkpoint type '$t' is not valid." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVM' $t) }
        $Vm['checkpointType'] = $t
    }
    if ($B.ContainsKey('AutomaticStartAction')) { $Vm['automaticStartAction'] = "$($B['AutomaticStartAction'])" }
    if ($B.ContainsKey('AutomaticStartDelay')) { $Vm['automaticStartDelaySec'] = [int]$B['AutomaticStartDelay'] }
    if ($B.ContainsKey('AutomaticStopAction')) { $Vm['automaticStopAction'] = "$($B['AutomaticStopAction'])" }
}

function Get-HvdBootOrder {
    # Generation 2 boot order: VMBootSource entries (BootType Drive or Network, Device the drive or
    # adapter), the first boot device's kind first (Learn: Get-VMFirmware, Set-VMFirmware -FirstBootDevice).
    param([System.Collections.IDictionary]$Vm)
    $first = "$(Get-HvdSetting $Vm 'firstBootDevice')"
    $kinds = @($first) + @(@('HardDisk', 'DvdDrive', 'NetworkAdapter') | Where-Object { $_ -ne $first })
    $out = New-Object System.Collections.ArrayList
    foreach ($k in $kinds) {
        $devices = @()
        if ($k -eq 'HardDisk') { $i = 0; $devices = @(foreach ($d in @($Vm['disks'])) { ConvertTo-HvdDrive $Vm $d $i; $i++ }) }
        elseif ($k -eq 'DvdDrive' -and $Vm.Contains('dvdDrives')) { $devices = @(foreach ($d in @($Vm['dvdDrives'])) { ConvertTo-HvdDvd $Vm $d }) }
        elseif ($k -eq 'NetworkAdapter') { $i = 0; $devices = @(foreach ($a in @($Vm['adapters'])) { ConvertTo-HvdAdapter $Vm $a $i; $i++ }) }
        foreach ($dev in $devices) {
            $null = $out.Add((New-HvdObject @('Microsoft.HyperV.PowerShell.VMBootSource') ([ordered]@{ BootType = $(if ($k -eq 'NetworkAdapter') { 'Network' } else { 'Drive' }); Device = $dev; Description = "$($dev.Name)" })))
        }
    }
    return , $out.ToArray()
}

function Set-HvdFirstBoot {
    param([System.Collections.IDictionary]$Vm, [object]$Device)
    $names = @($Device.PSObject.TypeNames)
    $kind = $(if ($names -contains 'Microsoft.HyperV.PowerShell.HardDiskDrive') { 'HardDisk' } elseif ($names -contains 'Microsoft.HyperV.PowerShell.DvdDrive') { 'DvdDrive' } elseif ($names -contains 'Microsoft.HyperV.PowerShell.VMNetworkAdapter') { 'NetworkAdapter' } else { $null })
    if ($null -eq $kind) { throw (New-HvdError 'The boot device is not a drive or network adapter of this virtual machine.' InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVMFirmware' $Vm['name']) }
    $Vm['firstBootDevice'] = $kind
}

function HvdImpl-Get-VMBios {
    param($S, $B, $Cmdlet, $Access)
    # Generation 1 startup order: BootDevice names, CD first by default (Learn: Set-VMBios -StartupOrder).
    foreach ($v in (Resolve-HvdVms $S @(Get-HvdP $B 'VM') 'Get-VMBios')) {
        if ([int]$v['generation'] -eq 2) { throw (New-HvdError "'$($v['name'])' is a generation 2 virtual machine: it has no BIOS." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMBios' $v['name']) }
        $first = @{ HardDisk = 'IDE'; DvdDrive = 'CD'; NetworkAdapter = 'LegacyNetworkAdapter' }["$(Get-HvdSetting $v 'firstBootDevice')"]
        $order = @($first) + @(@('CD', 'IDE', 'LegacyNetworkAdapter', 'Floppy') | Where-Object { $_ -ne $first })
        New-HvdObject @('Microsoft.HyperV.PowerShell.VMBios') ([ordered]@{ VMId = [guid]$v['id']; VMName = "$($v['name'])"; StartupOrder = [string[]]$order; NumLockEnabled = $false })
    }
}

function HvdImpl-Set-VMBios {
    param($S, $B, $Cmdlet, $Access)
    foreach ($o in @($B['VM'])) {
        $null = Update-HvdVm $o {
            param($v)
            if ([int]$v['generation'] -eq 2) { throw (New-HvdError "'$($v['name'])' is a generation 2 virtual machine: it has no BIOS." InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVMBios' $v['name']) }
            Assert-HvdOff $v 'BIOS (startup order)'
            $order = @($B['StartupOrder'] | ForEach-Object { "$_" })
            if ($order.Count -ne 4 -or @($order | Select-Object -Unique).Count -ne 4) { throw (New-HvdError 'The startup order must name each of CD, IDE, LegacyNetworkAdapter and Floppy once.' InvalidArgument 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.SetVMBios' $v['name']) }
            $v['firstBootDevice'] = @{ IDE = 'HardDisk'; CD = 'DvdDrive'; LegacyNetworkAdapter = 'NetworkAdapter'; Floppy = 'Floppy' }[$order[0]]
        }
    }
}

function Set-HvdServiceEnabled {
    # By the component object (its id ends in the service's GUID); online (Learn: Enable-VMIntegrationService).
    param([hashtable]$B, [bool]$Enabled)
    foreach ($o in @($B['VMIntegrationService'])) {
        $guid = ("$($o.Id)" -split '\\')[-1].ToUpperInvariant()
        $null = Update-HvdVm ([pscustomobject]@{ Id = $o.VMId }) {
            param($v)
            $hit = @(@($v['integrationServices']) | Where-Object { "$($_['id'])".ToUpperInvariant() -eq $guid })
            if ($hit.Count -eq 0) { throw (New-HvdError "'$($v['name'])' has no integration service $guid." ObjectNotFound 'ObjectNotFound' $guid) }
            $hit[0]['enabled'] = $Enabled
        }
    }
}

function HvdImpl-Enable-VMIntegrationService { param($S, $B, $Cmdlet, $Access) Set-HvdServiceEnabled $B $true }
function HvdImpl-Disable-VMIntegrationService { param($S, $B, $Cmdlet, $Access) Set-HvdServiceEnabled $B $false }
# --- end of storage and settings surface ----------------------------------------------------------
