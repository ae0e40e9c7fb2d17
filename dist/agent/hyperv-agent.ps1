<#
  hyperv-converge host agent (protocol 1). Static script shipped as dist/agent/hyperv-agent.ps1.

  Speaks JSON lines over stdin/stdout (UTF-8): first a hello line, then one response line per
  request line {"id":n,"op":"...","args":{...}}. Every value from a request is used as DATA
  (cmdlet parameter values, splatted hashtables); nothing is ever turned into script text.
  Runs on Windows PowerShell 5.1 and PowerShell 7. Remote hosts: -ComputerName, passed through
  the cmdlets' own remoting (-ComputerName / CimSession / Invoke-Command).
  Checked in the repository against Microsoft's cmdlet reference and a PowerShell grammar
  (__tests__/hyperv-script). See docs/agent.md.
#>
param(
    [string]$ComputerName = ''
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
# Anything a cmdlet writes to the host would corrupt the protocol stream.
$ProgressPreference = 'SilentlyContinue'
$WarningPreference = 'SilentlyContinue'
$VerbosePreference = 'SilentlyContinue'
$InformationPreference = 'SilentlyContinue'

$Utf8 = [System.Text.UTF8Encoding]::new($false)
$In = [System.IO.StreamReader]::new([Console]::OpenStandardInput(), $Utf8)
$Out = [System.IO.StreamWriter]::new([Console]::OpenStandardOutput(), $Utf8)
$Out.AutoFlush = $true
$Out.NewLine = "`n"

# Remoting, as splatted parameter sets: Hyper-V cmdlets take -ComputerName, NetTCPIP cmdlets a
# CimSession, file-system work runs through Invoke-Command on the host.
$Remote = @{}
$HostExec = @{}
$Cim = @{}
$CimError = ''
if ($ComputerName -ne '') {
    $Remote['ComputerName'] = $ComputerName
    $HostExec['ComputerName'] = $ComputerName
}

$KvpServiceGuid = '2A34B1C2-FD73-4043-8A5B-DD2159BC743F'
$ShutdownServiceGuid = '9F8233AC-BE49-4C79-8EE3-E7E1985B2077'

function Write-Line {
    param([object]$Value)
    $Out.WriteLine((ConvertTo-Json -InputObject $Value -Depth 10 -Compress))
}

# A typed failure: "HVC:<code>:<message>", mapped back to {code, message} by Get-ErrorInfo.
function New-Failure {
    param([string]$Code, [string]$Message)
    return [System.Exception]::new("HVC:${Code}:$Message")
}

function Get-ErrorInfo {
    param([System.Management.Automation.ErrorRecord]$Record)
    $msg = "$($Record.Exception.Message)"
    if ($msg -match '^(?s)HVC:([a-z-]+):(.*)$') {
        return @{ code = $Matches[1]; message = $Matches[2] }
    }
    # By exception type, category and error id only: Hyper-V's messages are localized.
    $code = 'hyperv-error'
    $category = "$($Record.CategoryInfo.Category)"
    $errorId = "$($Record.FullyQualifiedErrorId)"
    if ($Record.Exception -is [System.Management.Automation.CommandNotFoundException]) {
        # A command that does not exist is this machine's setup, never "no such VM".
        $code = 'hyperv-error'
    } elseif ($Record.Exception -is [System.UnauthorizedAccessException] -or $category -eq 'PermissionDenied' -or $category -eq 'SecurityError') {
        $code = 'permission-denied'
    } elseif ($errorId -match '^InvalidState(,|$)') {
        $code = 'invalid-state'
    } elseif ($category -eq 'ObjectNotFound') {
        $code = 'not-found'
    } elseif ($category -eq 'InvalidArgument' -or $category -eq 'InvalidData') {
        $code = 'invalid-argument'
    } elseif ($category -eq 'OperationTimeout') {
        $code = 'timeout'
    }
    return @{ code = $code; message = $msg }
}

function Get-Arg {
    param([object]$Args0, [string]$Name)
    $p = $Args0.PSObject.Properties[$Name]
    if ($null -eq $p) { return $null }
    return $p.Value
}

function Get-RequiredArg {
    param([object]$Args0, [string]$Name)
    $p = $Args0.PSObject.Properties[$Name]
    if ($null -eq $p -or $null -eq $p.Value) { throw (New-Failure 'invalid-request' "argument '$Name' is required") }
    return $p.Value
}

function ConvertTo-Mac {
    param([string]$Mac)
    return ($Mac -replace '[-:.]', '').ToUpperInvariant()
}

function Get-ComponentGuid {
    param([string]$Id)
    # Integration component ids look like "Microsoft:<vm id>\<component guid>".
    $parts = $Id -split '\\'
    return $parts[$parts.Length - 1].ToUpperInvariant()
}

function Get-TargetVm {
    param([object]$A)
    $id = [string](Get-RequiredArg $A 'id')
    $vm = $null
    try {
        $vm = Hyper-V\Get-VM -Id $id @Remote
    } catch {
        # An unknown id is "not found"; an unreachable host or a denied call keeps its own error.
        $category = "$($_.CategoryInfo.Category)"
        if ($category -ne 'ObjectNotFound' -and $category -ne 'InvalidArgument') { throw }
        throw (New-Failure 'not-found' "no virtual machine with id $id ($(Get-Arg $A 'name')): $($_.Exception.Message)")
    }
    if ($null -eq $vm) { throw (New-Failure 'not-found' "no virtual machine with id $id ($(Get-Arg $A 'name'))") }
    return $vm
}

function Assert-Off {
    param([object]$Vm, [string]$What)
    $state = "$($Vm.State)"
    if ($state -ne 'Off') {
        throw (New-Failure 'invalid-state' "'$($Vm.Name)' failed to modify $What`: the operation cannot be performed while the virtual machine is in its current state ($state).")
    }
}

function Get-Adapter {
    param([object]$Vm, [object]$Name)
    $nics = @(Hyper-V\Get-VMNetworkAdapter -VM $Vm)
    if ($null -eq $Name) {
        if ($nics.Count -eq 0) { throw (New-Failure 'not-found' "'$($Vm.Name)' has no network adapter") }
        return $nics[0]
    }
    $match = @($nics | Where-Object { $_.Name -eq $Name })
    if ($match.Count -eq 0) { throw (New-Failure 'not-found' "'$($Vm.Name)' has no network adapter named '$Name'") }
    return $match[0]
}

# The switch with exactly this name, as an object: -SwitchName takes wildcards ('lab[1]' would match
# 'lab1') and throws InvalidArgument when nothing matches.
function Get-Switch {
    param([string]$Name)
    $found = @(Hyper-V\Get-VMSwitch @Remote | Where-Object { "$($_.Name)" -eq $Name })
    if ($found.Count -eq 0) { throw (New-Failure 'not-found' "virtual switch '$Name' does not exist") }
    if ($found.Count -gt 1) { throw (New-Failure 'invalid-argument' "more than one virtual switch is named '$Name'") }
    return $found[0]
}

# File-system questions are answered on the Hyper-V host itself (locally or through remoting).
function Test-HostPaths {
    param([string[]]$Paths)
    if ($Paths.Count -eq 0) { return @() }
    return @(Invoke-Command @HostExec -ScriptBlock {
            param([string[]]$List)
            foreach ($p in $List) { [bool](Test-Path -LiteralPath $p) }
        } -ArgumentList (, $Paths))
}

# The virtual size (bytes) of each existing .vhd/.vhdx among the paths, else $null: a disk made from a
# base image can never be smaller than the image (New-VHD -Differencing and Resize-VHD refuse it), so
# the plan blocks such a size before apply. $null (not a disk, missing, unreadable) means unknown.
function Get-ImageSizes {
    param([string[]]$Paths, [object[]]$Exists)
    # One Get-VHD call for all images; one that cannot be read stays unknown.
    $want = @(for ($i = 0; $i -lt $Paths.Count; $i++) { if ($Paths[$i] -match '\.vhdx?$' -and [bool]$Exists[$i]) { $Paths[$i] } })
    $byPath = @{}
    if ($want.Count -gt 0) {
        foreach ($v in @(Hyper-V\Get-VHD -Path ([string[]]$want) @Remote -ErrorAction SilentlyContinue)) { $byPath["$($v.Path)".ToLowerInvariant()] = [long]$v.Size }
    }
    $sizes = New-Object System.Collections.ArrayList
    for ($i = 0; $i -lt $Paths.Count; $i++) {
        $k = "$($Paths[$i])".ToLowerInvariant()
        $null = $sizes.Add($(if ($byPath.ContainsKey($k)) { $byPath[$k] } else { $null }))
    }
    return $sizes.ToArray()
}

function Connect-HostCim {
    if ($Cim.ContainsKey('CimSession')) {
        try { CimCmdlets\Remove-CimSession -CimSession $Cim['CimSession'] } catch { $null = $_ }
        $Cim.Remove('CimSession')
    }
    try { $Cim['CimSession'] = CimCmdlets\New-CimSession -ComputerName $ComputerName -ErrorAction Stop } catch { $script:CimError = "$($_.Exception.Message)" }
}

function Get-Neighbors {
    if ($ComputerName -ne '' -and -not $Cim.ContainsKey('CimSession')) {
        # Never fall back to the local table: it would describe the wrong host.
        throw (New-Failure 'hyperv-error' "no CIM session to $ComputerName for its neighbor table: $CimError")
    }
    $list = New-Object System.Collections.ArrayList
    # NetTCPIP is a CDXML module: it ignores $ErrorActionPreference, so a failure would pass silently
    # as "no neighbors" without -ErrorAction Stop (PowerShell/PowerShell#24389).
    $found = $null
    for ($attempt = 0; $null -eq $found; $attempt++) {
        try { $found = @(NetTCPIP\Get-NetNeighbor @Cim -ErrorAction Stop) } catch {
            if ($ComputerName -eq '' -or $attempt -gt 0) { throw }
            # A CIM session is one persistent connection: once its WinRM connection drops (a host
            # reboot, a network blip) every call through it fails until it is replaced. Renew once.
            Connect-HostCim
            if (-not $Cim.ContainsKey('CimSession')) { throw (New-Failure 'hyperv-error' "the CIM session to $ComputerName failed and could not be renewed: $CimError") }
        }
    }
    foreach ($n in $found) {
        $mac = ConvertTo-Mac "$($n.LinkLayerAddress)"
        if ($mac -notmatch '^[0-9A-F]{12}$' -or $mac -eq '000000000000' -or $mac -eq 'FFFFFFFFFFFF') { continue }
        $null = $list.Add(@{ ip = "$($n.IPAddress)"; mac = $mac; state = "$($n.State)" })
    }
    # Items are written one by one; callers collect them with @().
    return $list.ToArray()
}

function Group-ByVmId {
    param([object[]]$Items)
    $map = @{}
    foreach ($i in $Items) {
        $prop = $i.PSObject.Properties['VMId']
        if ($null -eq $prop) { continue }
        $k = "$($prop.Value)".ToLowerInvariant()
        if (-not $map.ContainsKey($k)) { $map[$k] = New-Object System.Collections.ArrayList }
        $null = $map[$k].Add($i)
    }
    return $map
}

function Get-Group {
    param([hashtable]$Map, [string]$Key)
    if ($Map.ContainsKey($Key)) { return $Map[$Key].ToArray() }
}

function Test-CheckpointDisk {
    param([string]$Path)
    return ($Path -match '\.avhdx?$')
}

# The virtual disks behind drive paths, for all VMs at once: one Get-VHD call per level of checkpoint
# chains (after a checkpoint a drive points at an .avhdx whose parents lead to the VM's own .vhdx).
# A disk that cannot be read is reported per path, never fatal to the rest.
function Get-DiskChains {
    param([string[]]$Paths)
    $info = @{}
    $errors = @{}
    $todo = @($Paths | Where-Object { $_ -ne '' } | Select-Object -Unique)
    $level = 0
    while ($todo.Count -gt 0 -and $level -lt 64) {
        $level++
        $failed = $null
        $got = @(Hyper-V\Get-VHD -Path ([string[]]$todo) @Remote -ErrorAction SilentlyContinue -ErrorVariable failed)
        foreach ($v in $got) { $info["$($v.Path)".ToLowerInvariant()] = $v }
        $next = New-Object System.Collections.ArrayList
        foreach ($p in $todo) {
            $k = $p.ToLowerInvariant()
            if (-not $info.ContainsKey($k)) {
                $why = @($failed | Where-Object { "$($_.TargetObject)" -eq $p } | ForEach-Object { "$($_.Exception.Message)" })
                if ($why.Count -eq 0) { $why = @($failed | ForEach-Object { "$($_.Exception.Message)" }) }
                $errors[$k] = "disk '$p' cannot be read: $($why -join '; ')"
                continue
            }
            $parent = "$($info[$k].ParentPath)"
            if ((Test-CheckpointDisk $p) -and $parent -ne '' -and -not $info.ContainsKey($parent.ToLowerInvariant()) -and -not $errors.ContainsKey($parent.ToLowerInvariant())) { $null = $next.Add($parent) }
        }
        $todo = @($next | Select-Object -Unique)
    }
    return @{ info = $info; errors = $errors }
}

# A drive's disk as the plan knows it: the chain's base (its own .vhdx), with every file of the chain.
function Resolve-Disk {
    param([hashtable]$Chains, [string]$DrivePath)
    $files = New-Object System.Collections.ArrayList
    $p = $DrivePath
    while ($true) {
        $k = $p.ToLowerInvariant()
        if ($Chains.errors.ContainsKey($k)) { return @{ error = $Chains.errors[$k] } }
        if (-not $Chains.info.ContainsKey($k)) { return @{ error = "disk '$p' cannot be read" } }
        $null = $files.Add($p)
        if (-not (Test-CheckpointDisk $p)) { break }
        $p = "$($Chains.info[$k].ParentPath)"
        if ($p -eq '') { return @{ error = "checkpoint disk '$($files[$files.Count - 1])' has no parent" } }
    }
    $base = $Chains.info[$p.ToLowerInvariant()]
    return @{
        path         = $p
        sizeBytes    = [int64]$base.Size
        parentPath   = $(if ("$($base.ParentPath)" -ne '') { "$($base.ParentPath)" } else { $null })
        files        = $files.ToArray()
        checkpointed = ($files.Count -gt 1)
    }
}

function Assert-ManageRight {
    # Without Hyper-V rights Get-VM returns nothing and no error (microsoft/devhome#2476), which would
    # read as "complete, 0 VMs". Get-VMHost needs the same rights and says so loudly, so an empty list
    # is only believed once the host itself answers.
    try { $null = Hyper-V\Get-VMHost @Remote -ErrorAction Stop } catch {
        $info = Get-ErrorInfo $_
        if ($info.code -ne 'permission-denied') { throw }
        $where = $(if ($ComputerName -ne '') { "on '$ComputerName'" } else { 'on this computer' })
        throw (New-Failure 'permission-denied' "Get-VM listed no VMs and Get-VMHost was refused: this account may not manage Hyper-V $where ($($info.message)). Run as a member of Administrators (S-1-5-32-544) or Hyper-V Administrators (S-1-5-32-578) $where, then sign in again so the new group applies.")
    }
}

function Invoke-Observe {
    param([object]$A)
    $paths = @(Get-Arg $A 'paths' | Where-Object { $null -ne $_ })
    $vms = @(Hyper-V\Get-VM @Remote)
    if ($vms.Count -eq 0) { Assert-ManageRight }
    # One bulk call per component kind, whatever the VM count.
    $nicsBy = @{}
    $vlansBy = @{}
    $drivesBy = @{}
    $servicesBy = @{}
    $checkpointsBy = @{}
    $firmwareBy = @{}
    if ($vms.Count -gt 0) {
        $allNics = @(Hyper-V\Get-VMNetworkAdapter -VM $vms)
        $nicsBy = Group-ByVmId $allNics
        $vlansBy = Get-AdapterVlans $allNics
        $drivesBy = Group-ByVmId @(Hyper-V\Get-VMHardDiskDrive -VM $vms)
        $servicesBy = Group-ByVmId @(Hyper-V\Get-VMIntegrationService -VM $vms)
        $checkpointsBy = Group-ByVmId @(Hyper-V\Get-VMSnapshot -VM $vms)
        $gen2 = @($vms | Where-Object { $_.Generation -eq 2 })
        if ($gen2.Count -gt 0) { $firmwareBy = Group-ByVmId @(Hyper-V\Get-VMFirmware -VM $gen2) }
    }
    $surface = Get-SurfaceFacts $vms
    $allDrives = @($vms | ForEach-Object { @(Get-Group $drivesBy "$($_.Id)".ToLowerInvariant()) } | ForEach-Object { "$($_.Path)" })
    $chains = Get-DiskChains ([string[]]$allDrives)
    $incomplete = New-Object System.Collections.ArrayList
    $outVms = New-Object System.Collections.ArrayList
    foreach ($vm in $vms) {
        $id = "$($vm.Id)".ToLowerInvariant()
        $adapters = @(Get-Group $nicsBy $id | ForEach-Object { ConvertTo-ObservedAdapter $_ $vlansBy })
        $disks = New-Object System.Collections.ArrayList
        foreach ($d in @(Get-Group $drivesBy $id)) {
            $p = "$($d.Path)"
            if ($p -eq '') { continue }
            $r = Resolve-Disk $chains $p
            if ($r.ContainsKey('error')) {
                # This VM cannot be vouched for; the others can (the core decides who is blocked).
                $null = $incomplete.Add(@{ code = 'query-failed'; vm = "$($vm.Name)"; message = "VM '$($vm.Name)': $($r.error)" })
                continue
            }
            $null = $disks.Add(@{ path = $r.path; sizeBytes = $r.sizeBytes; parentPath = $r.parentPath; controllerType = "$($d.ControllerType)"; controllerNumber = [int]$d.ControllerNumber; controllerLocation = [int]$d.ControllerLocation })
        }
        $checkpoints = @(Get-Group $checkpointsBy $id | ForEach-Object { @{ id = "$($_.Id)".ToLowerInvariant(); name = "$($_.Name)" } })
        $services = @(Get-Group $servicesBy $id | ForEach-Object {
                @{ id = Get-ComponentGuid "$($_.Id)"; name = "$($_.Name)"; enabled = [bool]$_.Enabled; status = "$($_.PrimaryStatusDescription)" }
            })
        $secureBoot = $null
        $template = $null
        if ($vm.Generation -eq 2) {
            $fw = @(Get-Group $firmwareBy $id)
            if ($fw.Count -eq 0) { $fw = @(Hyper-V\Get-VMFirmware -VM $vm) }
            if ($fw.Count -gt 0) {
                $secureBoot = ("$($fw[0].SecureBoot)" -eq 'On')
                if ("$($fw[0].SecureBootTemplate)" -ne '') { $template = "$($fw[0].SecureBootTemplate)" }
            }
        }
        $null = $outVms.Add(@{
                id                  = $id
                name                = "$($vm.Name)"
                state               = "$($vm.State)"
                generation          = [int]$vm.Generation
                cpus                = [int]$vm.ProcessorCount
                memory              = @{
                    dynamic      = [bool]$vm.DynamicMemoryEnabled
                    startupBytes = [int64]$vm.MemoryStartup
                    minimumBytes = [int64]$vm.MemoryMinimum
                    maximumBytes = [int64]$vm.MemoryMaximum
                }
                secureBoot          = $secureBoot
                secureBootTemplate  = $template
                notes               = "$($vm.Notes)"
                path                = "$($vm.Path)"
                adapters            = $adapters
                disks               = $disks.ToArray()
                checkpoints         = $checkpoints
                integrationServices = $services
            })
    }
    Add-SurfaceObservation $outVms $vms $surface $firmwareBy
    $exists = @(Test-HostPaths ([string[]]$paths))
    $sizes = @(Get-ImageSizes ([string[]]$paths) $exists)
    $pathFacts = New-Object System.Collections.ArrayList
    $hashed = Get-HostHashPaths $paths (Get-Arg $A 'hashes')
    for ($i = 0; $i -lt $paths.Count; $i++) { $null = $pathFacts.Add((Add-PathHash @{ path = "$($paths[$i])"; exists = [bool]$exists[$i]; sizeBytes = $sizes[$i] } $hashed)) }
    $switches = @(Get-ObservedSwitches)
    $neighbors = @()
    if ((Get-Arg $A 'neighbors') -eq $true) { $neighbors = @(Get-Neighbors) }
    $hostName = $(if ($ComputerName -ne '') { $ComputerName } else { "$env:COMPUTERNAME" })
    return @{
        host       = @{ computerName = $hostName; switches = $switches; paths = $pathFacts.ToArray(); neighbors = $neighbors }
        vms        = $outVms.ToArray()
        incomplete = $incomplete.ToArray()
    }
}

function Invoke-GuestAddresses {
    param([object]$A)
    $out = New-Object System.Collections.ArrayList
    foreach ($id in @(Get-RequiredArg $A 'ids')) {
        $vm = $null
        try { $vm = Hyper-V\Get-VM -Id "$id" @Remote } catch { $vm = $null }
        if ($null -eq $vm) { continue }
        $adapters = @(Hyper-V\Get-VMNetworkAdapter -VM $vm | ForEach-Object {
                @{ name = "$($_.Name)"; mac = ConvertTo-Mac "$($_.MacAddress)"; ips = @($_.IPAddresses | ForEach-Object { "$_" }) }
            })
        $kvp = $null
        # Matched by component GUID: service names are localized.
        foreach ($s in @(Hyper-V\Get-VMIntegrationService -VM $vm)) {
            if ((Get-ComponentGuid "$($s.Id)") -eq $KvpServiceGuid) {
                $kvp = @{ enabled = [bool]$s.Enabled; status = "$($s.PrimaryStatusDescription)" }
            }
        }
        $null = $out.Add(@{ id = "$($vm.Id)".ToLowerInvariant(); name = "$($vm.Name)"; state = "$($vm.State)"; adapters = $adapters; kvp = $kvp })
    }
    $neighbors = @()
    if ((Get-Arg $A 'neighbors') -eq $true) { $neighbors = @(Get-Neighbors) }
    return @{ vms = $out.ToArray(); neighbors = $neighbors }
}

# A value as a PowerShell single-quoted literal: fix texts are commands an operator may paste, and a
# name such as  lab'; Remove-VM -Name * -Force; '  must stay one argument.
function ConvertTo-Literal {
    param([string]$Value)
    return "'" + ($Value -replace "'", "''") + "'"
}

function New-Check {
    param([string]$Id, [bool]$Ok, [string]$Message, [object]$Fix)
    return @{ id = $Id; ok = $Ok; message = $Message; fix = $(if ($Ok) { $null } else { $Fix }) }
}

function Invoke-Doctor {
    param([object]$A)
    $checks = New-Object System.Collections.ArrayList
    $where = $(if ($ComputerName -ne '') { " on $ComputerName" } else { '' })
    $module = @(Microsoft.PowerShell.Core\Get-Module -ListAvailable -Name 'Hyper-V')
    $null = $checks.Add((New-Check 'hyperv-module' ($module.Count -gt 0) "Hyper-V PowerShell module$(if ($module.Count -gt 0) { ' is available' } else { ' is missing' }) on this machine" `
                'Windows Server: Install-WindowsFeature -Name Hyper-V-PowerShell; Windows client: Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V-Management-PowerShell'))
    if ($module.Count -eq 0) { return @{ checks = $checks.ToArray() } }

    $hostState = $null
    try {
        $hostState = Invoke-Command @HostExec -ScriptBlock {
            $svc = Get-Service -Name 'vmms' -ErrorAction SilentlyContinue
            $user = [Environment]::UserName
            $allowed = $null
            try {
                $identity = [System.Security.Principal.WindowsIdentity]::GetCurrent()
                $principal = [System.Security.Principal.WindowsPrincipal]::new($identity)
                $user = $identity.Name
                $allowed = ($principal.IsInRole([System.Security.Principal.SecurityIdentifier]::new('S-1-5-32-544')) -or
                    $principal.IsInRole([System.Security.Principal.SecurityIdentifier]::new('S-1-5-32-578')))
            } catch [System.PlatformNotSupportedException] {
                # Windows identities exist only on Windows: elsewhere the answer is unknown, not "no".
                $allowed = $null
            }
            @{
                vmms    = $(if ($null -eq $svc) { 'missing' } else { "$($svc.Status)" })
                user    = $user
                allowed = $allowed
            }
        }
    } catch {
        $null = $checks.Add((New-Check 'remoting' $false "cannot run commands$where`: $($_.Exception.Message)" `
                    $(if ($ComputerName -ne '') { "On $ComputerName, as an administrator: Enable-PSRemoting -Force; from here: Test-WSMan -ComputerName $(ConvertTo-Literal $ComputerName)" } else { 'Run the agent in a normal (non-constrained) PowerShell session' })))
        return @{ checks = $checks.ToArray() }
    }
    $null = $checks.Add((New-Check 'vmms' ($hostState.vmms -eq 'Running') "Hyper-V Virtual Machine Management service (vmms)$where is $($hostState.vmms)" `
                $(if ($hostState.vmms -eq 'missing') { 'Install the Hyper-V role: Install-WindowsFeature -Name Hyper-V -IncludeManagementTools -Restart' } else { 'Start-Service -Name vmms' })))
    $rights = $(if ($null -eq $hostState.allowed) { "cannot tell (no Windows identity on this platform) whether user $($hostState.user) may" } elseif ($hostState.allowed) { "user $($hostState.user) may" } else { "user $($hostState.user) may not" })
    $null = $checks.Add((New-Check 'permission' ($hostState.allowed -eq $true) "$rights manage Hyper-V$where (administrator or Hyper-V Administrators)" `
                "As an administrator$where`: Add-LocalGroupMember -SID S-1-5-32-578 -Member $(ConvertTo-Literal $hostState.user), then sign out and in again (or restart the runner service)"))

    $wanted = @(Get-Arg $A 'switches' | Where-Object { $null -ne $_ })
    if ($wanted.Count -gt 0) {
        $have = @()
        try {
            $have = @(Hyper-V\Get-VMSwitch @Remote | ForEach-Object { "$($_.Name)" })
        } catch {
            $null = $checks.Add((New-Check 'switches' $false "cannot list virtual switches$where`: $($_.Exception.Message)" 'Fix the permission or vmms check above, then run doctor again'))
        }
        foreach ($w in $wanted) {
            $ok = $have -contains $w
            $null = $checks.Add((New-Check "switch:$w" $ok "virtual switch '$w'$(if ($ok) { ' exists' } else { ' does not exist' })$where" `
                        "New-VMSwitch -Name $(ConvertTo-Literal $w) -SwitchType Internal$where (or use one of: $($have -join ', '))"))
        }
    }
    $images = @(Get-Arg $A 'images' | Where-Object { $null -ne $_ })
    $imageExists = @(Test-HostPaths ([string[]]$images))
    for ($i = 0; $i -lt $images.Count; $i++) {
        $ok = [bool]$imageExists[$i]
        $null = $checks.Add((New-Check "image:$($images[$i])" $ok "base image '$($images[$i])'$(if ($ok) { ' exists' } else { ' does not exist' })$where" `
                    "Copy the base image to $(ConvertTo-Literal $images[$i])$where (or fix the image path in the config)"))
    }
    $paths = @(Get-Arg $A 'paths' | Where-Object { $null -ne $_ })
    if ($paths.Count -gt 0) {
        $writable = @(Invoke-Command @HostExec -ScriptBlock {
                param([string[]]$List)
                foreach ($p in $List) {
                    if (-not (Test-Path -LiteralPath $p -PathType Container)) { 'missing'; continue }
                    try {
                        $probe = Join-Path -Path $p -ChildPath ".hvc-write-test-$PID"
                        # Through the provider (not .NET): the same path rules as every other file call here.
                        $null = New-Item -ItemType File -Path $probe -Value 'hvc' -Force
                        Remove-Item -LiteralPath $probe -Force
                        'ok'
                    } catch { 'denied' }
                }
            } -ArgumentList (, [string[]]$paths))
        for ($i = 0; $i -lt $paths.Count; $i++) {
            $p = $paths[$i]
            $r = "$($writable[$i])"
            $msg = $(if ($r -eq 'ok') { "'$p' exists and is writable$where" } elseif ($r -eq 'missing') { "'$p' does not exist$where" } else { "'$p' is not writable by $($hostState.user)$where" })
            $fix = $(if ($r -eq 'missing') { "New-Item -ItemType Directory -Path $(ConvertTo-Literal $p)$where" } else { "Grant $($hostState.user) Modify on $(ConvertTo-Literal $p)$where`: icacls $(ConvertTo-Literal $p) /grant $(ConvertTo-Literal "$($hostState.user):(OI)(CI)M")" })
            $null = $checks.Add((New-Check "path:$p" ($r -eq 'ok') $msg $fix))
        }
    }
    return @{ checks = $checks.ToArray() }
}

function Set-Memory {
    param([object]$Vm, [object]$A)
    $dynamic = [bool](Get-RequiredArg $A 'dynamic')
    $startup = [int64](Get-RequiredArg $A 'startupBytes')
    $minimum = [int64](Get-RequiredArg $A 'minimumBytes')
    $maximum = [int64](Get-RequiredArg $A 'maximumBytes')
    if ($dynamic -and -not ($minimum -le $startup -and $startup -le $maximum)) {
        throw (New-Failure 'invalid-argument' "dynamic memory needs minimum <= startup <= maximum (got $minimum / $startup / $maximum)")
    }
    $same = ($dynamic -eq [bool]$Vm.DynamicMemoryEnabled) -and ($startup -eq [int64]$Vm.MemoryStartup) -and
        (-not $dynamic -or (($minimum -eq [int64]$Vm.MemoryMinimum) -and ($maximum -eq [int64]$Vm.MemoryMaximum)))
    if ($same) { return $false }
    $vmState = "$($Vm.State)"
    if ($vmState -ne 'Off' -and $vmState -ne 'Running') {
        # Saved or Paused: neither a guest to take an online change nor a powered-off configuration.
        throw (New-Failure 'invalid-state' "'$($Vm.Name)' is $vmState`: memory changes need it Off (or Running, for the dynamic range only)")
    }
    $running = $vmState -eq 'Running'
    if ($running) {
        if ($dynamic -ne [bool]$Vm.DynamicMemoryEnabled) { Assert-Off $Vm 'memory (switching static/dynamic)' }
        if ($startup -ne [int64]$Vm.MemoryStartup) { Assert-Off $Vm 'memory (startup size)' }
    }
    if ($dynamic) {
        if ($running) {
            # Online, only the dynamic range changes (startup is fixed while running).
            Hyper-V\Set-VMMemory -VM $Vm -MinimumBytes $minimum -MaximumBytes $maximum
        } else {
            # One call with every bound: Hyper-V validates the combination, not each step.
            Hyper-V\Set-VMMemory -VM $Vm -DynamicMemoryEnabled $true -MinimumBytes $minimum -StartupBytes $startup -MaximumBytes $maximum
        }
    } else {
        Hyper-V\Set-VMMemory -VM $Vm -DynamicMemoryEnabled $false -StartupBytes $startup
    }
    return $true
}

function Invoke-Create {
    param([object]$A)
    $name = [string](Get-RequiredArg $A 'name')
    $generation = [int16](Get-RequiredArg $A 'generation')
    $path = [string](Get-RequiredArg $A 'path')
    $memory = Get-RequiredArg $A 'memory'
    $switchName = Get-Arg $A 'switch'
    $disk = Get-Arg $A 'disk'
    $mac = Get-Arg $A 'mac'
    $secureBoot = Get-Arg $A 'secureBoot'

    if ($generation -ne 2 -and $secureBoot -eq $true) { throw (New-Failure 'invalid-argument' 'secure boot needs a generation 2 VM') }
    $settings = Get-SettingsArg (Get-Arg $A 'settings')
    Assert-SettingsFit $settings $name $generation ([bool]$memory.dynamic)
    $madeDisks = New-Object System.Collections.ArrayList
    $switch = $null
    if ($null -ne $switchName) { $switch = Get-Switch $switchName }
    $adapters = Get-CreateAdapters $A
    $createdDisk = $null
    $vm = $null
    try {
        if ($null -ne $disk) {
            $image = [string](Get-RequiredArg $disk 'image')
            $diskPath = [string](Get-RequiredArg $disk 'path')
            $check = @(Test-HostPaths @($image, $diskPath))
            if (-not $check[0]) { throw (New-Failure 'not-found' "base image '$image' does not exist") }
            if ($check[1]) { throw (New-Failure 'invalid-argument' "disk '$diskPath' already exists") }
            # New-VHD and Copy-Item do not create missing folders: make <path>\<name>\Virtual Hard Disks first.
            $null = Invoke-Command @HostExec -ScriptBlock {
                param([string]$Folder)
                $null = New-Item -ItemType Directory -Force -Path $Folder
            } -ArgumentList (Split-Path -Parent -Path $diskPath)
            if ((Get-RequiredArg $disk 'strategy') -eq 'differencing') {
                $null = Hyper-V\New-VHD -Path $diskPath -ParentPath $image -Differencing @Remote
            } else {
                # Copy under a temporary name, then rename: an interrupted copy never leaves a partial
                # disk at the final path (a leftover temporary copy is replaced by the next attempt).
                $null = Invoke-Command @HostExec -ScriptBlock {
                    param([string]$Source, [string]$Target)
                    $partial = "$Target.hvc-partial"
                    if (Test-Path -LiteralPath $partial) { Remove-Item -LiteralPath $partial -Force }
                    Copy-Item -LiteralPath $Source -Destination $partial
                    Move-Item -LiteralPath $partial -Destination $Target
                } -ArgumentList $image, $diskPath
            }
            $createdDisk = $diskPath
            $size = Get-Arg $disk 'sizeBytes'
            if ($null -ne $size) {
                $current = Hyper-V\Get-VHD -Path $diskPath @Remote
                if ([int64]$size -lt [int64]$current.Size) { throw (New-Failure 'invalid-argument' "disk size $size is smaller than the image ($($current.Size)); disks only grow") }
                if ([int64]$size -gt [int64]$current.Size) { $null = Hyper-V\Resize-VHD -Path $diskPath -SizeBytes ([int64]$size) @Remote }
            }
            $vm = Hyper-V\New-VM -Name $name -Generation $generation -MemoryStartupBytes ([int64]$memory.startupBytes) -Path $path -VHDPath $diskPath @Remote
        } else {
            $vm = Hyper-V\New-VM -Name $name -Generation $generation -MemoryStartupBytes ([int64]$memory.startupBytes) -Path $path -NoVHD @Remote
        }
        # The ownership marker first: a VM this run made is recognisably ours even if the run dies now.
        Hyper-V\Set-VM -VM $vm -Notes ([string](Get-Arg $A 'notes'))
        Hyper-V\Set-VMProcessor -VM $vm -Count ([int64](Get-RequiredArg $A 'cpus'))
        $null = Set-Memory $vm $memory
        $nic = Get-Adapter $vm $null
        if ($null -ne $switch) { Hyper-V\Connect-VMNetworkAdapter -VMNetworkAdapter $nic -VMSwitch $switch }
        if ($null -ne $mac) { Hyper-V\Set-VMNetworkAdapter -VMNetworkAdapter $nic -StaticMacAddress (ConvertTo-Mac $mac) }
        if ($null -ne $adapters) { Set-CreateAdapters $vm $adapters }
        if ($generation -eq 2 -and $null -ne $secureBoot) {
            Hyper-V\Set-VMFirmware -VM $vm -EnableSecureBoot $(if ($secureBoot) { 'On' } else { 'Off' })
        }
        # Data disks, DVD drives, settings (a Linux guest's template: New-VM gives MicrosoftWindows) and
        # integration services, while the VM is still Off, before its first start.
        Add-CreateSurface $vm $A $settings $madeDisks
    } catch {
        # Leave nothing half-made behind: the next plan sees either the whole VM or none.
        $failure = $_
        if ($null -ne $vm) { try { Hyper-V\Remove-VM -VM $vm -Force } catch { $null = $_ } }
        foreach ($f in $madeDisks) { try { $null = Invoke-Command @HostExec -ScriptBlock { param([string]$P) Remove-Item -LiteralPath $P -Force } -ArgumentList $f } catch { $null = $_ } }
        if ($null -ne $createdDisk) {
            try {
                $null = Invoke-Command @HostExec -ScriptBlock { param([string]$P) Remove-Item -LiteralPath $P -Force } -ArgumentList $createdDisk
            } catch { $null = $_ }
        }
        throw $failure
    }
    return @{ id = "$($vm.Id)".ToLowerInvariant(); name = "$($vm.Name)" }
}

function Invoke-Stop {
    param([object]$A)
    $vm = Get-TargetVm $A
    $timeoutSec = [int](Get-RequiredArg $A 'timeoutSec')
    $turnOff = [bool](Get-RequiredArg $A 'turnOffAfterTimeout')
    $state = "$($vm.State)"
    if ($state -eq 'Off') { return @{ state = 'Off'; changed = $false; turnedOff = $false } }
    if ($state -eq 'Saved' -or $state -eq 'Paused') {
        # No guest to ask: reaching Off means discarding the saved or paused memory state.
        if (-not $turnOff) { throw (New-Failure 'invalid-state' "'$($vm.Name)' is $state`: reaching Off discards its memory state, which needs turning off to be allowed") }
        if ($state -eq 'Saved') { Hyper-V\Remove-VMSavedState -VM $vm } else { Hyper-V\Stop-VM -VM $vm -TurnOff -Force }
        return @{ state = 'Off'; changed = $true; turnedOff = $true }
    }
    if ($state -ne 'Running') { throw (New-Failure 'invalid-state' "'$($vm.Name)' is $state, not Running: a graceful stop is not possible") }
    Clear-PendingStops
    # Graceful means the guest's Shutdown service is there and answering. Without it Stop-VM would
    # ask to turn the VM off (and -Force or -AsJob would say yes): a hard power-off.
    $shutdown = Get-ShutdownService $vm
    if ($null -eq $shutdown -or -not $shutdown.ready) {
        $why = $(if ($null -eq $shutdown) { 'has no Shutdown integration service' } else { "has its Shutdown integration service $($shutdown.why)" })
        if (-not $turnOff) { throw (New-Failure 'invalid-state' "'$($vm.Name)' $why, so it cannot be shut down gracefully, and turning it off is not allowed") }
        Hyper-V\Stop-VM -VM $vm -TurnOff -Force
        return @{ state = 'Off'; changed = $true; turnedOff = $true }
    }
    # The shutdown request runs in its own runspace (no -Force: it never turns the VM off), polled
    # with a deadline. Not Stop-VM -AsJob: removing that job before it completes crashes the process.
    $ps = [powershell]::Create()
    $null = $ps.AddCommand('Hyper-V\Stop-VM').AddParameter('VM', $vm)
    $pending = @{ ps = $ps; async = $ps.BeginInvoke() }
    $deadline = (Get-Date).AddSeconds($timeoutSec)
    $current = $state
    while ((Get-Date) -lt $deadline) {
        $current = "$((Hyper-V\Get-VM -Id "$($vm.Id)" @Remote).State)"
        if ($current -eq 'Off' -or $pending.async.IsCompleted) { break }
        Start-Sleep -Milliseconds 500
    }
    if ($current -ne 'Off') { $current = "$((Hyper-V\Get-VM -Id "$($vm.Id)" @Remote).State)" }
    if ($current -eq 'Off') {
        $null = $PendingStops.Add($pending)
        Clear-PendingStops
        return @{ state = 'Off'; changed = $true; turnedOff = $false }
    }
    if (-not $turnOff) {
        # The request stays with the guest; its runspace is disposed once it completes.
        $null = $PendingStops.Add($pending)
        throw (New-Failure 'timeout' "'$($vm.Name)' did not shut down within $timeoutSec s and turning it off is not allowed")
    }
    Hyper-V\Stop-VM -VM $vm -TurnOff -Force
    $null = $PendingStops.Add($pending)
    Clear-PendingStops
    return @{ state = 'Off'; changed = $true; turnedOff = $true }
}

# Shutdown requests still in flight (their runspaces are disposed only once they complete).
$PendingStops = New-Object System.Collections.ArrayList

function Clear-PendingStops {
    foreach ($p in @($PendingStops.ToArray())) {
        if (-not $p.async.IsCompleted) { continue }
        try { $null = $p.ps.EndInvoke($p.async) } catch { $null = $_ }
        $p.ps.Dispose()
        $PendingStops.Remove($p)
    }
}

function Get-ShutdownService {
    param([object]$Vm)
    # Matched by component GUID: service names are localized.
    foreach ($s in @(Hyper-V\Get-VMIntegrationService -VM $Vm)) {
        if ((Get-ComponentGuid "$($s.Id)") -ne $ShutdownServiceGuid) { continue }
        $status = "$($s.PrimaryStatusDescription)"
        if (-not [bool]$s.Enabled) { return @{ ready = $false; why = 'disabled' } }
        if ($status -ne 'OK') { return @{ ready = $false; why = "not answering ($status)" } }
        return @{ ready = $true; why = '' }
    }
    return $null
}

function Invoke-Remove {
    param([object]$A)
    $vm = Get-TargetVm $A
    $deleteDisks = [bool](Get-RequiredArg $A 'deleteDisks')
    Assert-Off $vm 'configuration (remove)'
    # Every file of each disk's chain (its .avhdx checkpoint files and its own .vhdx), never the image.
    $drives = @(Hyper-V\Get-VMHardDiskDrive -VM $vm | ForEach-Object { "$($_.Path)" } | Where-Object { $_ -ne '' })
    $chains = Get-DiskChains ([string[]]$drives)
    $paths = New-Object System.Collections.ArrayList
    foreach ($d in $drives) {
        $r = Resolve-Disk $chains $d
        if ($r.ContainsKey('error')) {
            if ($deleteDisks) { throw (New-Failure 'not-found' "'$($vm.Name)' is not removed: $($r.error)") }
            $null = $paths.Add($d)
            continue
        }
        foreach ($f in $r.files) { $null = $paths.Add($f) }
    }
    $paths = @($paths.ToArray())
    Hyper-V\Remove-VM -VM $vm -Force
    if ($deleteDisks -and $paths.Count -gt 0) {
        $null = Invoke-Command @HostExec -ScriptBlock {
            param([string[]]$List)
            foreach ($p in $List) { Remove-Item -LiteralPath $p -Force }
        } -ArgumentList (, [string[]]$paths)
        return @{ deletedDisks = $paths; keptDisks = @() }
    }
    return @{ deletedDisks = @(); keptDisks = $paths }
}

# --- network surface (issue 14) --------------------------------------------------------------
# Adapters (name, switch, static/dynamic MAC, access VLAN, MAC spoofing, DHCP and router guard) and
# the virtual switches a file declares (Private, Internal, with an optional NAT for an internal
# switch's subnet). Hyper-V rules honoured here: adapters are added/removed while Running only on
# generation 2 (hot add/remove, Windows Server 2016+: Learn "What's new in Hyper-V on Windows
# Server"); VLAN and guards change online (Set-VMNetworkAdapterVlan, Set-VMNetworkAdapter); a
# static MAC needs the VM Off (vm.setMac); Hyper-V itself allows two adapters or two switches with
# one name, so the agent refuses duplicates: every later step selects them by name.

function ConvertTo-OnOff {
    param([bool]$On)
    if ($On) { return 'On' }
    return 'Off'
}

# A request's adapter options, checked before anything changes: only the keys present are managed.
function Get-AdapterOptions {
    param([object]$A, [string]$Where)
    $o = @{}
    $p = $A.PSObject.Properties['vlan']
    if ($null -ne $p) {
        $v = $p.Value
        if ($null -ne $v -and (-not ($v -is [int] -or $v -is [long]) -or $v -lt 1 -or $v -gt 4094)) {
            throw (New-Failure 'invalid-argument' "$Where`: VLAN id $v is out of range 1..4094 (null: untagged)")
        }
        $o['vlan'] = $v
    }
    foreach ($k in @('macSpoofing', 'dhcpGuard', 'routerGuard')) {
        $q = $A.PSObject.Properties[$k]
        if ($null -eq $q) { continue }
        if ($q.Value -isnot [bool]) { throw (New-Failure 'invalid-request' "$Where`: $k must be true or false") }
        $o[$k] = $q.Value
    }
    return $o
}

function Get-AdapterSpec {
    param([object]$Spec, [string]$Where)
    if ($Spec -isnot [System.Management.Automation.PSCustomObject]) { throw (New-Failure 'invalid-request' "$Where must be an object") }
    $name = Get-Arg $Spec 'name'
    if ($name -isnot [string] -or $name.Trim() -eq '') { throw (New-Failure 'invalid-request' "$Where.name must be a non-empty string") }
    $switchName = Get-Arg $Spec 'switch'
    if ($null -ne $switchName -and $switchName -isnot [string]) { throw (New-Failure 'invalid-request' "$Where.switch must be a string or null") }
    $mac = Get-Arg $Spec 'mac'
    if ($null -ne $mac) {
        if ($mac -isnot [string] -or (ConvertTo-Mac $mac) -notmatch '^[0-9A-F]{12}$') { throw (New-Failure 'invalid-argument' "$Where`: '$mac' is not a MAC address") }
        $mac = ConvertTo-Mac $mac
    }
    $switch = $null
    if ($null -ne $switchName) { $switch = Get-Switch $switchName }
    return @{ name = $name; switch = $switch; mac = $mac; options = (Get-AdapterOptions $Spec $Where) }
}

# Access VLAN id, $null for untagged; other modes (trunk, private VLAN) are not an access VLAN the
# model can state, so the caller leaves the field out.
function Get-VlanState {
    param([object]$Setting)
    if ($null -eq $Setting) { return @{ known = $false } }
    $mode = "$($Setting.OperationMode)"
    if ($mode -eq 'Access') { return @{ known = $true; vlan = [int]$Setting.AccessVlanId } }
    if ($mode -eq 'Untagged') { return @{ known = $true; vlan = $null } }
    return @{ known = $false }
}

# The VLAN settings of every adapter at once (one call, whatever the VM count), by adapter id.
function Get-AdapterVlans {
    param([object[]]$Nics)
    $map = @{}
    if ($Nics.Count -eq 0) { return $map }
    foreach ($v in @(Hyper-V\Get-VMNetworkAdapterVlan -VMNetworkAdapter $Nics)) { $map["$($v.ParentAdapter.Id)"] = $v }
    return $map
}

function ConvertTo-ObservedAdapter {
    param([object]$Nic, [hashtable]$Vlans)
    $o = @{
        name        = "$($Nic.Name)"
        'switch'    = $(if ($Nic.SwitchName) { "$($Nic.SwitchName)" } else { $null })
        mac         = ConvertTo-Mac "$($Nic.MacAddress)"
        dynamicMac  = [bool]$Nic.DynamicMacAddressEnabled
        ips         = @($Nic.IPAddresses | ForEach-Object { "$_" })
        macSpoofing = ("$($Nic.MacAddressSpoofing)" -eq 'On')
        dhcpGuard   = ("$($Nic.DhcpGuard)" -eq 'On')
        routerGuard = ("$($Nic.RouterGuard)" -eq 'On')
    }
    $vlan = Get-VlanState $Vlans["$($Nic.Id)"]
    if ($vlan.known) { $o['vlan'] = $vlan.vlan }
    return $o
}

# Applies the managed options to one adapter; says whether anything changed.
function Set-AdapterOptions {
    param([object]$Nic, [hashtable]$Options)
    $changed = $false
    if ($Options.ContainsKey('vlan')) {
        $now = Get-VlanState (Hyper-V\Get-VMNetworkAdapterVlan -VMNetworkAdapter $Nic)
        $want = $Options['vlan']
        if (-not $now.known -or $now.vlan -ne $want) {
            if ($null -eq $want) { Hyper-V\Set-VMNetworkAdapterVlan -VMNetworkAdapter $Nic -Untagged }
            else { Hyper-V\Set-VMNetworkAdapterVlan -VMNetworkAdapter $Nic -Access -VlanId ([int]$want) }
            $changed = $true
        }
    }
    $spoof = ("$($Nic.MacAddressSpoofing)" -eq 'On')
    $dhcp = ("$($Nic.DhcpGuard)" -eq 'On')
    $router = ("$($Nic.RouterGuard)" -eq 'On')
    $guards = $false
    if ($Options.ContainsKey('macSpoofing') -and $Options['macSpoofing'] -ne $spoof) { $spoof = $Options['macSpoofing']; $guards = $true }
    if ($Options.ContainsKey('dhcpGuard') -and $Options['dhcpGuard'] -ne $dhcp) { $dhcp = $Options['dhcpGuard']; $guards = $true }
    if ($Options.ContainsKey('routerGuard') -and $Options['routerGuard'] -ne $router) { $router = $Options['routerGuard']; $guards = $true }
    if ($guards) {
        Hyper-V\Set-VMNetworkAdapter -VMNetworkAdapter $Nic -MacAddressSpoofing (ConvertTo-OnOff $spoof) -DhcpGuard (ConvertTo-OnOff $dhcp) -RouterGuard (ConvertTo-OnOff $router)
        $changed = $true
    }
    return $changed
}

function Assert-AdapterNameFree {
    param([object]$Vm, [string]$Name)
    if (@(Hyper-V\Get-VMNetworkAdapter -VM $Vm | Where-Object { "$($_.Name)" -eq $Name }).Count -gt 0) {
        throw (New-Failure 'invalid-argument' "'$($Vm.Name)' already has a network adapter named '$Name'")
    }
}

# Add-VMNetworkAdapter, then the switch (as an object) and the options; an adapter whose setup
# fails is taken out again, so a refusal leaves the VM as it was.
function Add-Adapter {
    param([object]$Vm, [hashtable]$Spec)
    if ($Vm.Generation -ne 2) { Assert-Off $Vm 'network adapters (add; hot add needs generation 2)' }
    if ($null -ne $Spec.mac) { $nic = Hyper-V\Add-VMNetworkAdapter -VM $Vm -Name $Spec.name -StaticMacAddress $Spec.mac -Passthru }
    else { $nic = Hyper-V\Add-VMNetworkAdapter -VM $Vm -Name $Spec.name -Passthru }
    try {
        if ($null -ne $Spec.switch) { Hyper-V\Connect-VMNetworkAdapter -VMNetworkAdapter $nic -VMSwitch $Spec.switch }
        $null = Set-AdapterOptions $nic $Spec.options
    } catch {
        $failure = $_
        try { Hyper-V\Remove-VMNetworkAdapter -VMNetworkAdapter $nic } catch { $null = $_ }
        throw $failure
    }
}

# vm.create's adapters, checked before New-VM (unknown switch, duplicate name, bad value: nothing is
# made); $null when the request uses the single switch/mac form.
function Get-CreateAdapters {
    param([object]$A)
    $p = $A.PSObject.Properties['adapters']
    if ($null -eq $p -or $null -eq $p.Value) { return $null }
    $list = New-Object System.Collections.ArrayList
    $i = 0
    foreach ($x in @($p.Value)) {
        $spec = Get-AdapterSpec $x "adapters[$i]"
        if (@($list | Where-Object { $_.name -eq $spec.name }).Count -gt 0) { throw (New-Failure 'invalid-argument' "adapters[$i]: the name '$($spec.name)' is used twice") }
        $null = $list.Add($spec)
        $i++
    }
    return , $list.ToArray()
}

# The first adapter is the one New-VM made (renamed); the others are added.
function Set-CreateAdapters {
    param([object]$Vm, [object[]]$List)
    $first = Get-Adapter $Vm $null
    if ($List.Count -eq 0) {
        Hyper-V\Remove-VMNetworkAdapter -VMNetworkAdapter $first
        return
    }
    $spec = $List[0]
    if ("$($first.Name)" -cne $spec.name) { $first = Hyper-V\Rename-VMNetworkAdapter -VMNetworkAdapter $first -NewName $spec.name -Passthru }
    if ($null -ne $spec.switch) { Hyper-V\Connect-VMNetworkAdapter -VMNetworkAdapter $first -VMSwitch $spec.switch }
    elseif ("$($first.SwitchName)" -ne '') { Hyper-V\Disconnect-VMNetworkAdapter -VMNetworkAdapter $first }
    if ($null -ne $spec.mac) { Hyper-V\Set-VMNetworkAdapter -VMNetworkAdapter $first -StaticMacAddress $spec.mac }
    $null = Set-AdapterOptions $first $spec.options
    for ($i = 1; $i -lt $List.Count; $i++) { Add-Adapter $Vm $List[$i] }
}

function Invoke-AddAdapter {
    param([object]$A)
    $vm = Get-TargetVm $A
    $spec = Get-AdapterSpec (Get-RequiredArg $A 'adapter') 'adapter'
    Assert-AdapterNameFree $vm $spec.name
    Add-Adapter $vm $spec
    return @{ changed = $true }
}

function Invoke-RemoveAdapter {
    param([object]$A)
    $vm = Get-TargetVm $A
    $name = Get-RequiredArg $A 'adapter'
    if ($name -isnot [string]) { throw (New-Failure 'invalid-request' 'adapter must be a string') }
    $nic = Get-Adapter $vm $name
    if ($vm.Generation -ne 2) { Assert-Off $vm 'network adapters (remove; hot remove needs generation 2)' }
    Hyper-V\Remove-VMNetworkAdapter -VMNetworkAdapter $nic
    return @{ changed = $true }
}

function Invoke-SetAdapter {
    param([object]$A)
    $vm = Get-TargetVm $A
    $options = Get-AdapterOptions $A 'vm.setAdapter'
    $nic = Get-Adapter $vm (Get-Arg $A 'adapter')
    return @{ changed = (Set-AdapterOptions $nic $options) }
}

# --- switches and NAT --------------------------------------------------------------------------
# An internal switch's NAT is the usual lab setup (Learn: "Set up a NAT network",
# virtualization/hyper-v-on-windows/user-guide/setup-nat-network): the switch's host adapter
# "vEthernet (<switch>)" takes the gateway address (New-NetIPAddress), and a NetNat translates the
# subnet (New-NetNat -InternalIPInterfaceAddressPrefix). NetTCPIP and NetNat are CDXML modules: they
# ignore $ErrorActionPreference, so every call says -ErrorAction Stop (PowerShell/PowerShell#24389).

function ConvertTo-IPv4Number {
    param([string]$Ip)
    if ($Ip -notmatch '^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$') { return $null }
    $n = [uint64]0
    foreach ($o in @($Matches[1], $Matches[2], $Matches[3], $Matches[4])) {
        if ([int]$o -gt 255) { return $null }
        $n = $n * 256 + [uint64]$o
    }
    return $n
}

# "a.b.c.d/n" as its first address and size, or $null when it is not one.
function ConvertTo-IPv4Prefix {
    param([string]$Prefix)
    if ($Prefix -notmatch '^([0-9.]+)/(\d{1,2})$') { return $null }
    $bits = [int]$Matches[2]
    $start = ConvertTo-IPv4Number $Matches[1]
    if ($null -eq $start -or $bits -gt 32) { return $null }
    $size = [uint64][math]::Pow(2, 32 - $bits)
    return @{ start = $start - ($start % $size); size = $size; bits = $bits; aligned = (($start % $size) -eq 0) }
}

function Test-InPrefix {
    param([string]$Ip, [string]$Prefix)
    $n = ConvertTo-IPv4Number $Ip
    $p = ConvertTo-IPv4Prefix $Prefix
    if ($null -eq $n -or $null -eq $p) { return $false }
    return ($n -ge $p.start -and $n -lt $p.start + $p.size)
}

function Test-PrefixOverlap {
    param([string]$A, [string]$B)
    $x = ConvertTo-IPv4Prefix $A
    $y = ConvertTo-IPv4Prefix $B
    if ($null -eq $x -or $null -eq $y) { return $false }
    return ($x.start -lt $y.start + $y.size -and $y.start -lt $x.start + $x.size)
}

function Get-NatSpec {
    param([object]$Nat)
    if ($Nat -isnot [System.Management.Automation.PSCustomObject]) { throw (New-Failure 'invalid-request' 'nat must be an object { subnet, gateway, prefixLength }') }
    $subnet = Get-RequiredArg $Nat 'subnet'
    $gateway = Get-RequiredArg $Nat 'gateway'
    $bits = Get-RequiredArg $Nat 'prefixLength'
    if ($subnet -isnot [string] -or $gateway -isnot [string] -or -not ($bits -is [int] -or $bits -is [long])) { throw (New-Failure 'invalid-request' 'nat needs subnet and gateway strings and an integer prefixLength') }
    $p = ConvertTo-IPv4Prefix $subnet
    if ($null -eq $p -or -not $p.aligned -or $p.bits -lt 8 -or $p.bits -gt 30 -or $p.bits -ne $bits) {
        throw (New-Failure 'invalid-argument' "NAT subnet '$subnet' is not an IPv4 network address with a prefix of 8 to 30 bits matching prefixLength $bits")
    }
    $g = ConvertTo-IPv4Number $gateway
    if ($null -eq $g -or $g -le $p.start -or $g -ge $p.start + $p.size - 1) { throw (New-Failure 'invalid-argument' "NAT gateway '$gateway' is not a host address of $subnet") }
    return @{ subnet = $subnet; gateway = $gateway; prefixLength = [int]$bits }
}

function Assert-CimHost {
    param([string]$What)
    if ($ComputerName -ne '' -and -not $Cim.ContainsKey('CimSession')) {
        # Never fall back to the local computer: it would describe (or change) the wrong host.
        throw (New-Failure 'hyperv-error' "no CIM session to $ComputerName for $What`: $CimError")
    }
}

# Every NetNat, and per switch name its NAT: the NetNat whose internal prefix holds an IPv4 address
# of "vEthernet (<switch>)". Two CIM calls for all switches.
function Get-SwitchNats {
    param([string[]]$Names)
    Assert-CimHost 'the NAT of its internal switches'
    $nats = $null
    $ips = $null
    for ($attempt = 0; $null -eq $ips; $attempt++) {
        try {
            $nats = @(NetNat\Get-NetNat @Cim -ErrorAction Stop)
            $ips = @(NetTCPIP\Get-NetIPAddress -AddressFamily IPv4 @Cim -ErrorAction Stop)
        } catch {
            # A dropped CIM session keeps failing until replaced (as for the neighbor table): renew once.
            if ($ComputerName -eq '' -or $attempt -gt 0) { throw }
            Connect-HostCim
            if (-not $Cim.ContainsKey('CimSession')) { throw (New-Failure 'hyperv-error' "the CIM session to $ComputerName failed and could not be renewed: $CimError") }
        }
    }
    $bySwitch = @{}
    foreach ($n in $Names) {
        $mine = @($ips | Where-Object { "$($_.InterfaceAlias)" -eq "vEthernet ($n)" })
        $hit = $null
        foreach ($nat in $nats) {
            if (@($mine | Where-Object { Test-InPrefix "$($_.IPAddress)" "$($nat.InternalIPInterfaceAddressPrefix)" }).Count -gt 0) { $hit = $nat; break }
        }
        $bySwitch[$n] = @{ nat = $hit; ips = $mine }
    }
    return @{ all = $nats; bySwitch = $bySwitch }
}

function Get-ObservedSwitches {
    $all = @(Hyper-V\Get-VMSwitch @Remote)
    $internal = @($all | Where-Object { "$($_.SwitchType)" -eq 'Internal' } | ForEach-Object { "$($_.Name)" })
    $nats = $null
    if ($internal.Count -gt 0) {
        # Unreadable NAT (no CIM session, a host without NetNat): the field stays out (unknown, never "none").
        try { $nats = (Get-SwitchNats ([string[]]$internal)).bySwitch } catch { $nats = $null }
    }
    $out = New-Object System.Collections.ArrayList
    foreach ($w in $all) {
        $o = @{ name = "$($w.Name)"; type = "$($w.SwitchType)"; notes = "$($w.Notes)" }
        if ($null -ne $nats -or $internal.Count -eq 0) {
            $o['nat'] = $null
            if ($null -ne $nats -and $nats.ContainsKey("$($w.Name)") -and $null -ne $nats["$($w.Name)"].nat) { $o['nat'] = "$($nats["$($w.Name)"].nat.InternalIPInterfaceAddressPrefix)" }
        }
        $null = $out.Add($o)
    }
    return $out.ToArray()
}

function Assert-NatFree {
    param([string]$Subnet, [object[]]$Nats, [object]$Except)
    foreach ($n in $Nats) {
        if ($null -ne $Except -and "$($n.Name)" -eq "$($Except.Name)") { continue }
        if (Test-PrefixOverlap $Subnet "$($n.InternalIPInterfaceAddressPrefix)") {
            throw (New-Failure 'invalid-argument' "NAT subnet $Subnet overlaps the host's NetNat '$($n.Name)' ($($n.InternalIPInterfaceAddressPrefix)); WinNAT takes no overlapping internal prefixes")
        }
    }
}

function Add-SwitchNat {
    param([string]$Name, [hashtable]$Nat)
    $ip = NetTCPIP\New-NetIPAddress -InterfaceAlias "vEthernet ($Name)" -IPAddress $Nat.gateway -PrefixLength ([byte]$Nat.prefixLength) @Cim -ErrorAction Stop
    try {
        $null = NetNat\New-NetNat -Name $Name -InternalIPInterfaceAddressPrefix $Nat.subnet @Cim -ErrorAction Stop
    } catch {
        $failure = $_
        foreach ($x in @($ip)) { try { NetTCPIP\Remove-NetIPAddress -InputObject $x -Confirm:$false @Cim -ErrorAction Stop } catch { $null = $_ } }
        throw $failure
    }
}

function Remove-SwitchNat {
    param([hashtable]$Current)
    if ($null -eq $Current.nat) { return }
    $prefix = "$($Current.nat.InternalIPInterfaceAddressPrefix)"
    NetNat\Remove-NetNat -InputObject $Current.nat -Confirm:$false @Cim -ErrorAction Stop
    foreach ($ip in @($Current.ips | Where-Object { Test-InPrefix "$($_.IPAddress)" $prefix })) {
        NetTCPIP\Remove-NetIPAddress -InputObject $ip -Confirm:$false @Cim -ErrorAction Stop
    }
}

function Invoke-SwitchCreate {
    param([object]$A)
    $name = Get-RequiredArg $A 'name'
    if ($name -isnot [string] -or $name.Trim() -eq '') { throw (New-Failure 'invalid-request' 'name must be a non-empty string') }
    $type = "$(Get-RequiredArg $A 'type')"
    if ($type -cne 'Internal' -and $type -cne 'Private') {
        # An external switch binds a physical adapter and interrupts the host's own network.
        throw (New-Failure 'invalid-argument' "switch type '$type' is not Internal or Private: external switches are made by hand, never by this agent")
    }
    $notes = [string](Get-RequiredArg $A 'notes')
    $nat = $null
    $natArg = Get-Arg $A 'nat'
    if ($null -ne $natArg) {
        if ($type -ne 'Internal') { throw (New-Failure 'invalid-argument' "NAT needs an internal switch; '$name' is $type") }
        $nat = Get-NatSpec $natArg
    }
    if (@(Hyper-V\Get-VMSwitch @Remote | Where-Object { "$($_.Name)" -eq $name }).Count -gt 0) { throw (New-Failure 'invalid-argument' "a virtual switch named '$name' already exists") }
    if ($null -ne $nat) {
        Assert-CimHost "the NAT of switch '$name'"
        Assert-NatFree $nat.subnet @(NetNat\Get-NetNat @Cim -ErrorAction Stop) $null
    }
    $sw = Hyper-V\New-VMSwitch -Name $name -SwitchType $type -Notes $notes @Remote
    if ($null -ne $nat) {
        try { Add-SwitchNat $name $nat } catch {
            # No switch without the NAT the file asked for: the next plan sees none and tries again.
            $failure = $_
            try { Hyper-V\Remove-VMSwitch -VMSwitch $sw -Force } catch { $null = $_ }
            throw $failure
        }
    }
    return @{ changed = $true }
}

function Invoke-SwitchSetNat {
    param([object]$A)
    $name = [string](Get-RequiredArg $A 'name')
    $sw = Get-Switch $name
    if ("$($sw.SwitchType)" -ne 'Internal') { throw (New-Failure 'invalid-argument' "NAT needs an internal switch; '$name' is $($sw.SwitchType)") }
    $nat = Get-NatSpec (Get-RequiredArg $A 'nat')
    $found = Get-SwitchNats @($name)
    $current = $found.bySwitch[$name]
    if ($null -ne $current.nat -and "$($current.nat.InternalIPInterfaceAddressPrefix)" -eq $nat.subnet) { return @{ changed = $false } }
    Assert-NatFree $nat.subnet $found.all $current.nat
    # The old NAT goes first (hosts may hold one NAT network only), and comes back if the new one fails.
    Remove-SwitchNat $current
    try { Add-SwitchNat $name $nat } catch {
        $failure = $_
        if ($null -ne $current.nat) {
            try {
                foreach ($ip in @($current.ips | Where-Object { Test-InPrefix "$($_.IPAddress)" "$($current.nat.InternalIPInterfaceAddressPrefix)" })) {
                    $null = NetTCPIP\New-NetIPAddress -InterfaceAlias "vEthernet ($name)" -IPAddress "$($ip.IPAddress)" -PrefixLength ([byte]$ip.PrefixLength) @Cim -ErrorAction Stop
                }
                $null = NetNat\New-NetNat -Name "$($current.nat.Name)" -InternalIPInterfaceAddressPrefix "$($current.nat.InternalIPInterfaceAddressPrefix)" @Cim -ErrorAction Stop
            } catch { $null = $_ }
        }
        throw $failure
    }
    return @{ changed = $true }
}

function Invoke-SwitchRemove {
    param([object]$A)
    $name = [string](Get-RequiredArg $A 'name')
    $sw = Get-Switch $name
    $type = "$($sw.SwitchType)"
    if ($type -eq 'External') { throw (New-Failure 'invalid-argument' "'$name' is an external switch: removing it cuts the host's own network, so this agent never does") }
    # Hyper-V removes a switch that adapters still use (they are left disconnected): refuse instead.
    $vms = @(Hyper-V\Get-VM @Remote)
    $users = @()
    if ($vms.Count -gt 0) { $users = @(Hyper-V\Get-VMNetworkAdapter -VM $vms | Where-Object { "$($_.SwitchName)" -eq $name } | ForEach-Object { "$($_.VMName)" } | Sort-Object -Unique) }
    if ($users.Count -gt 0) { throw (New-Failure 'invalid-state' "switch '$name' is in use by $(($users | ForEach-Object { "'$_'" }) -join ', '); disconnect them first") }
    $current = $null
    if ($type -eq 'Internal') { $current = (Get-SwitchNats @($name)).bySwitch[$name] }
    Hyper-V\Remove-VMSwitch -VMSwitch $sw -Force
    # A NetNat outlives its switch and would keep the subnet taken.
    if ($null -ne $current -and $null -ne $current.nat) { NetNat\Remove-NetNat -InputObject $current.nat -Confirm:$false @Cim -ErrorAction Stop }
    return @{ changed = $true }
}

# --- storage and settings surface (issue 14) ------------------------------------------------------
# Data disks, DVD drives, the cloud-init seed image, VM settings and integration services. The rules
# (which change needs the VM Off) are the simulator's (src/backends/sim/host.ts), each citing Hyper-V.

# Every VM setting (vm.create settings, vm.setSettings); SETTINGS_KEYS in protocol.ts.
$SettingsKeys = @('tpm', 'secureBootTemplate', 'nestedVirtualization', 'checkpointType', 'automaticStartAction', 'automaticStartDelaySec', 'automaticStopAction', 'compatibilityForMigration', 'memoryWeight', 'memoryBuffer', 'firstBootDevice')
$SecureBootTemplates = @('MicrosoftWindows', 'MicrosoftUEFICertificateAuthority', 'OpenSourceShieldedVM')
$SettingValues = @{
    tpm                       = 'bool'
    secureBootTemplate        = $SecureBootTemplates
    nestedVirtualization      = 'bool'
    checkpointType            = @('Standard', 'Production', 'ProductionOnly', 'Disabled')
    automaticStartAction      = @('Nothing', 'StartIfRunning', 'Start')
    automaticStartDelaySec    = @(0, 86400)
    automaticStopAction       = @('TurnOff', 'Save', 'ShutDown')
    compatibilityForMigration = 'bool'
    memoryWeight              = @(0, 10000)
    memoryBuffer              = @(5, 2000)
    firstBootDevice           = @('HardDisk', 'DvdDrive', 'NetworkAdapter')
}
# Changed only while Off: security and firmware (Set-VMFirmware, Enable-VMTPM), processor features
# (Set-VMProcessor) and the automatic actions (Set-VM) are refused on a running VM. Checkpoint type and
# memory weight/buffer change online.
$OfflineSettings = @('tpm', 'secureBootTemplate', 'nestedVirtualization', 'automaticStartAction', 'automaticStartDelaySec', 'automaticStopAction', 'compatibilityForMigration', 'firstBootDevice')
# The bound on one seed image (MAX_SEED_IMAGE_BYTES in protocol.ts): checked before it is decoded.
$SeedMaxBytes = 8388608

function Test-IntegerValue {
    param([object]$Value)
    return ($Value -is [int] -or $Value -is [long] -or $Value -is [int16] -or $Value -is [byte])
}

# The settings as an ordered table of valid values, or a typed refusal before anything changes.
function Get-SettingsArg {
    param([object]$Settings)
    $out = [ordered]@{}
    if ($null -eq $Settings) { return $out }
    if ($Settings -isnot [System.Management.Automation.PSCustomObject]) { throw (New-Failure 'invalid-request' 'settings must be an object') }
    foreach ($p in $Settings.PSObject.Properties) {
        $k = $p.Name
        $v = $p.Value
        if ($SettingsKeys -cnotcontains $k) { throw (New-Failure 'invalid-request' "unknown setting '$k' (known: $($SettingsKeys -join ', '))") }
        $rule = $SettingValues[$k]
        $ok = $false
        if ($rule -is [string]) { $ok = ($v -is [bool]) }
        elseif ($rule[0] -is [int]) { $ok = ((Test-IntegerValue $v) -and [long]$v -ge $rule[0] -and [long]$v -le $rule[1]) }
        else { $ok = ($v -is [string] -and $rule -ccontains $v) }
        if (-not $ok) { throw (New-Failure 'invalid-argument' "$k cannot be $(ConvertTo-Json -InputObject $v -Compress -Depth 2)") }
        # Set-VMMemory -Priority takes 0..100 (Learn: Set-VMMemory -Priority); the memory weight is that
        # times 100 (Hyper-V Manager's slider, Msvm_MemorySettingData.Weight 0..10000).
        if ($k -eq 'memoryWeight' -and ([long]$v % 100) -ne 0) { throw (New-Failure 'invalid-argument' "memoryWeight $v is not a multiple of 100: Hyper-V sets it as Set-VMMemory -Priority 0..100") }
        $out[$k] = $v
    }
    return $out
}

# What Hyper-V refuses whatever the power state: a TPM or template on generation 1, a buffer without
# dynamic memory.
function Assert-SettingsFit {
    param([System.Collections.IDictionary]$S, [string]$VmName, [int]$Generation, [bool]$Dynamic)
    foreach ($k in @('tpm', 'secureBootTemplate')) {
        # Generation 1 VMs have no UEFI firmware and no virtual TPM (Learn: "Should I create a generation 1
        # or 2 virtual machine in Hyper-V?").
        if ($S.Contains($k) -and $Generation -ne 2) { throw (New-Failure 'invalid-argument' "'$VmName' is generation 1: $k needs generation 2") }
    }
    # The buffer is the share dynamic memory keeps in reserve (Learn: Set-VMMemory -Buffer); static
    # memory has none.
    if ($S.Contains('memoryBuffer') -and -not $Dynamic) { throw (New-Failure 'invalid-argument' "'$VmName' has static memory: the memory buffer applies to dynamic memory only") }
}

function Test-DeviceType {
    param([object]$Device, [string]$TypeName)
    if ($null -eq $Device) { return $false }
    return (@($Device.PSObject.TypeNames) -contains "Microsoft.HyperV.PowerShell.$TypeName")
}

# The first boot device by kind: generation 2 from the firmware's boot order, generation 1 from the
# BIOS startup order (Learn: Get-VMFirmware BootOrder, Set-VMBios -StartupOrder).
function Get-FirstBootKind {
    param([object]$Vm, [object]$Firmware, [object]$Bios)
    if ($Vm.Generation -eq 2) {
        if ($null -eq $Firmware) { return $null }
        $order = @($Firmware.BootOrder)
        if ($order.Count -eq 0) { return $null }
        $dev = $order[0].Device
        if (Test-DeviceType $dev 'HardDiskDrive') { return 'HardDisk' }
        if (Test-DeviceType $dev 'DvdDrive') { return 'DvdDrive' }
        if (Test-DeviceType $dev 'VMNetworkAdapter') { return 'NetworkAdapter' }
        return "$($order[0].BootType)"
    }
    if ($null -eq $Bios) { return $null }
    $startup = @($Bios.StartupOrder | ForEach-Object { "$_" })
    if ($startup.Count -eq 0) { return $null }
    switch ($startup[0]) {
        'IDE' { return 'HardDisk' }
        'CD' { return 'DvdDrive' }
        'LegacyNetworkAdapter' { return 'NetworkAdapter' }
    }
    return $startup[0]
}

# The settings as observed, from one VM's objects (Get-VM, Get-VMProcessor, Get-VMMemory,
# Get-VMSecurity, Get-VMFirmware / Get-VMBios).
function Get-SettingsView {
    param([object]$Vm, [object]$Processor, [object]$Memory, [object]$Security, [object]$Firmware, [object]$Bios)
    $view = [ordered]@{
        tpm                    = $null
        checkpointType         = "$($Vm.CheckpointType)"
        automaticStartAction   = "$($Vm.AutomaticStartAction)"
        automaticStartDelaySec = [int]$Vm.AutomaticStartDelay
        automaticStopAction    = "$($Vm.AutomaticStopAction)"
        firstBootDevice        = Get-FirstBootKind $Vm $Firmware $Bios
    }
    # A VM with nothing to boot from (no disk, DVD drive or adapter) has no first boot device: unknown.
    if ($null -eq $view.firstBootDevice) { $view.Remove('firstBootDevice') }
    if ($Vm.Generation -eq 2 -and $null -ne $Security) { $view.tpm = [bool]$Security.TpmEnabled }
    if ($null -ne $Processor) {
        $view.nestedVirtualization = [bool]$Processor.ExposeVirtualizationExtensions
        $view.compatibilityForMigration = [bool]$Processor.CompatibilityForMigrationEnabled
    }
    if ($null -ne $Memory) {
        $view.memoryWeight = [int]$Memory.Priority * 100
        $view.memoryBuffer = [int]$Memory.Buffer
    }
    return $view
}

function Get-VmSettingsView {
    param([object]$Vm)
    $fw = $null
    $bios = $null
    $security = $null
    if ($Vm.Generation -eq 2) {
        $fw = Hyper-V\Get-VMFirmware -VM $Vm
        $security = Hyper-V\Get-VMSecurity -VM $Vm
    } else {
        $bios = Hyper-V\Get-VMBios -VM $Vm
    }
    $view = Get-SettingsView $Vm (Hyper-V\Get-VMProcessor -VM $Vm) (Hyper-V\Get-VMMemory -VM $Vm) $security $fw $bios
    $view.secureBootTemplate = $(if ($null -ne $fw) { "$($fw.SecureBootTemplate)" } else { $null })
    return $view
}

# The device Set-VMFirmware -FirstBootDevice takes for a kind: the first drive or adapter of it.
function Get-BootDevice {
    param([object]$Vm, [string]$Kind)
    $found = @()
    if ($Kind -eq 'HardDisk') { $found = @(Hyper-V\Get-VMHardDiskDrive -VM $Vm | Sort-Object -Property @('ControllerNumber', 'ControllerLocation')) }
    elseif ($Kind -eq 'DvdDrive') { $found = @(Hyper-V\Get-VMDvdDrive -VM $Vm | Sort-Object -Property @('ControllerNumber', 'ControllerLocation')) }
    else { $found = @(Hyper-V\Get-VMNetworkAdapter -VM $Vm) }
    if ($found.Count -eq 0) { throw (New-Failure 'invalid-argument' "'$($Vm.Name)' has no $Kind to boot from") }
    return $found[0]
}

# Applies the settings that differ from $Current (the VM is Off for the offline ones). Returns the
# keys it changed.
function Set-VmSettings {
    param([object]$Vm, [System.Collections.IDictionary]$S, [System.Collections.IDictionary]$Current)
    $changing = @($S.Keys | Where-Object { -not $Current.Contains($_) -or "$($Current[$_])" -cne "$($S[$_])" })
    if ($changing.Count -eq 0) { return @() }
    $offline = @($changing | Where-Object { $OfflineSettings -contains $_ })
    if ($offline.Count -gt 0) { Assert-Off $Vm "settings ($($offline -join ', '))" }
    $vmArgs = @{}
    $cpuArgs = @{}
    $memArgs = @{}
    foreach ($k in $changing) {
        $v = $S[$k]
        switch ($k) {
            'tpm' {
                if ($v) {
                    # A virtual TPM keeps its state under a key protector and Enable-VMTPM does not make
                    # one: set a local one first unless the VM has one (no protector reads back as 4
                    # bytes; Microsoft's GuardedFabricTools, ConvertTo-ShieldedVM).
                    if (@(Hyper-V\Get-VMKeyProtector -VM $Vm).Count -le 4) { Hyper-V\Set-VMKeyProtector -VM $Vm -NewLocalKeyProtector }
                    Hyper-V\Enable-VMTPM -VM $Vm
                } else {
                    Hyper-V\Disable-VMTPM -VM $Vm
                }
            }
            'secureBootTemplate' { Hyper-V\Set-VMFirmware -VM $Vm -SecureBootTemplate ([string]$v) }
            'firstBootDevice' {
                if ($Vm.Generation -eq 2) {
                    Hyper-V\Set-VMFirmware -VM $Vm -FirstBootDevice (Get-BootDevice $Vm ([string]$v))
                } else {
                    $first = @{ HardDisk = 'IDE'; DvdDrive = 'CD'; NetworkAdapter = 'LegacyNetworkAdapter' }[[string]$v]
                    $rest = @(@('CD', 'IDE', 'LegacyNetworkAdapter', 'Floppy') | Where-Object { $_ -ne $first })
                    Hyper-V\Set-VMBios -VM $Vm -StartupOrder (@($first) + $rest)
                }
            }
            'nestedVirtualization' { $cpuArgs['ExposeVirtualizationExtensions'] = [bool]$v }
            'compatibilityForMigration' { $cpuArgs['CompatibilityForMigrationEnabled'] = [bool]$v }
            'checkpointType' { $vmArgs['CheckpointType'] = [string]$v }
            'automaticStartAction' { $vmArgs['AutomaticStartAction'] = [string]$v }
            'automaticStartDelaySec' { $vmArgs['AutomaticStartDelay'] = [int]$v }
            'automaticStopAction' { $vmArgs['AutomaticStopAction'] = [string]$v }
            'memoryWeight' { $memArgs['Priority'] = [int]([long]$v / 100) }
            'memoryBuffer' { $memArgs['Buffer'] = [int]$v }
        }
    }
    if ($vmArgs.Count -gt 0) { Hyper-V\Set-VM -VM $Vm @vmArgs }
    if ($cpuArgs.Count -gt 0) { Hyper-V\Set-VMProcessor -VM $Vm @cpuArgs }
    if ($memArgs.Count -gt 0) { Hyper-V\Set-VMMemory -VM $Vm @memArgs }
    return $changing
}

function Invoke-SetSettings {
    param([object]$A)
    $vm = Get-TargetVm $A
    $s = Get-SettingsArg (Get-RequiredArg $A 'settings')
    Assert-SettingsFit $s "$($vm.Name)" ([int]$vm.Generation) ([bool]$vm.DynamicMemoryEnabled)
    $changed = @(Set-VmSettings $vm $s (Get-VmSettingsView $vm))
    return @{ changed = ($changed.Count -gt 0) }
}

# Integration services by component id: their names are localized (HyperVDsc #73, Vagrant #11039).
function Invoke-SetIntegrationServices {
    param([object]$A)
    $vm = Get-TargetVm $A
    $want = @(Get-RequiredArg $A 'services')
    return @{ changed = (Set-IntegrationServices $vm $want) }
}

function Set-IntegrationServices {
    param([object]$Vm, [object[]]$Want)
    $have = @(Hyper-V\Get-VMIntegrationService -VM $Vm)
    $todo = New-Object System.Collections.ArrayList
    # Every id is resolved before anything changes: an unknown one changes nothing.
    foreach ($w in $Want) {
        $id = Get-Arg $w 'id'
        $enabled = Get-Arg $w 'enabled'
        if ($id -isnot [string] -or $enabled -isnot [bool]) { throw (New-Failure 'invalid-request' 'services must be [{ id, enabled }]') }
        $svc = @($have | Where-Object { (Get-ComponentGuid "$($_.Id)") -eq $id.ToUpperInvariant() })
        if ($svc.Count -eq 0) { throw (New-Failure 'not-found' "'$($Vm.Name)' has no integration service with id $id") }
        if ([bool]$svc[0].Enabled -ne $enabled) { $null = $todo.Add(@{ svc = $svc[0]; enabled = $enabled }) }
    }
    # Enabling or disabling a service is an online change (Learn: Enable-VMIntegrationService).
    foreach ($t in $todo) {
        if ($t.enabled) { Hyper-V\Enable-VMIntegrationService -VMIntegrationService $t.svc } else { Hyper-V\Disable-VMIntegrationService -VMIntegrationService $t.svc }
    }
    return ($todo.Count -gt 0)
}

function Get-SlotArg {
    param([object]$A)
    $t = Get-RequiredArg $A 'controllerType'
    if ($t -cne 'SCSI' -and $t -cne 'IDE') { throw (New-Failure 'invalid-argument' "controller type '$t' is not SCSI or IDE") }
    $n = Get-RequiredArg $A 'controllerNumber'
    $l = Get-RequiredArg $A 'controllerLocation'
    if (-not (Test-IntegerValue $n) -or -not (Test-IntegerValue $l)) { throw (New-Failure 'invalid-request' 'controllerNumber and controllerLocation must be integers') }
    return @{ type = [string]$t; number = [int]$n; location = [int]$l }
}

function Get-SlotText {
    param([hashtable]$Slot)
    return "$($Slot.type) $($Slot.number):$($Slot.location)"
}

function Test-AtSlot {
    param([object]$Drive, [hashtable]$Slot)
    return ("$($Drive.ControllerType)" -eq $Slot.type -and [int]$Drive.ControllerNumber -eq $Slot.number -and [int]$Drive.ControllerLocation -eq $Slot.location)
}

# Generation 2 has SCSI only; IDE has controllers 0-1 with locations 0-1, SCSI 0-3 with 0-63 (Learn:
# "Should I create a generation 1 or 2 virtual machine in Hyper-V?"). A taken slot is refused.
function Assert-SlotFree {
    param([object]$Vm, [hashtable]$Slot)
    if ($Slot.type -eq 'IDE' -and $Vm.Generation -eq 2) { throw (New-Failure 'invalid-argument' "'$($Vm.Name)' is generation 2: it has no IDE controller") }
    if ($Slot.type -eq 'IDE' -and ($Slot.number -lt 0 -or $Slot.number -gt 1 -or $Slot.location -lt 0 -or $Slot.location -gt 1)) { throw (New-Failure 'invalid-argument' "IDE $($Slot.number):$($Slot.location) does not exist (IDE has controllers 0-1, locations 0-1)") }
    if ($Slot.type -eq 'SCSI' -and ($Slot.number -lt 0 -or $Slot.number -gt 3 -or $Slot.location -lt 0 -or $Slot.location -gt 63)) { throw (New-Failure 'invalid-argument' "SCSI $($Slot.number):$($Slot.location) does not exist") }
    $taken = @(@(Hyper-V\Get-VMHardDiskDrive -VM $Vm) + @(Hyper-V\Get-VMDvdDrive -VM $Vm) | Where-Object { $null -ne $_ -and (Test-AtSlot $_ $Slot) })
    if ($taken.Count -gt 0) { throw (New-Failure 'invalid-argument' "'$($Vm.Name)' already has a drive at $(Get-SlotText $Slot)") }
}

# A SCSI slot needs its controller: generation 1 VMs start with none (Learn: Add-VMScsiController,
# which needs the VM Off).
function Confirm-ScsiController {
    param([object]$Vm, [hashtable]$Slot)
    if ($Slot.type -ne 'SCSI') { return }
    $count = @(Hyper-V\Get-VMScsiController -VM $Vm).Count
    if ($Slot.number -lt $count) { return }
    Assert-Off $Vm "SCSI controllers (add controller $($Slot.number))"
    for ($i = $count; $i -le $Slot.number; $i++) { Hyper-V\Add-VMScsiController -VM $Vm }
}

function Add-DataDisk {
    param([object]$Vm, [object]$D)
    $slot = Get-SlotArg $D
    $path = [string](Get-RequiredArg $D 'path')
    $size = Get-Arg $D 'sizeBytes'
    # IDE disks attach only while the VM is Off; SCSI disks hot-add (Learn: Add-VMHardDiskDrive;
    # "Hyper-V hot add and remove of SCSI disks").
    if ($slot.type -eq 'IDE' -and $Vm.Generation -eq 2) { throw (New-Failure 'invalid-argument' "'$($Vm.Name)' is generation 2: it has no IDE controller") }
    if ($slot.type -eq 'IDE') { Assert-Off $Vm 'IDE controller (add disk)' }
    Assert-SlotFree $Vm $slot
    if ($null -ne $size -and (-not (Test-IntegerValue $size) -or [long]$size -le 0)) { throw (New-Failure 'invalid-argument' "disk size $size is invalid") }
    $exists = @(Test-HostPaths @($path))[0]
    $created = $null
    if ($null -eq $size) {
        if (-not $exists) { throw (New-Failure 'not-found' "disk file '$path' does not exist") }
    } else {
        if ($exists) { throw (New-Failure 'invalid-argument' "disk file '$path' already exists") }
        $null = Invoke-Command @HostExec -ScriptBlock {
            param([string]$Folder)
            $null = New-Item -ItemType Directory -Force -Path $Folder
        } -ArgumentList (Split-Path -Parent -Path $path)
        $null = Hyper-V\New-VHD -Path $path -SizeBytes ([uint64]$size) -Dynamic @Remote
        $created = $path
    }
    try {
        Confirm-ScsiController $Vm $slot
        Hyper-V\Add-VMHardDiskDrive -VM $Vm -ControllerType $slot.type -ControllerNumber $slot.number -ControllerLocation $slot.location -Path $path
    } catch {
        # A disk this call made and could not attach is removed again: nothing half-made stays.
        $failure = $_
        if ($null -ne $created) {
            try { $null = Invoke-Command @HostExec -ScriptBlock { param([string]$P) Remove-Item -LiteralPath $P -Force } -ArgumentList $created } catch { $null = $_ }
        }
        throw $failure
    }
    return $created
}

function Invoke-DiskAdd {
    param([object]$A)
    $vm = Get-TargetVm $A
    $null = Add-DataDisk $vm $A
    return @{ changed = $true }
}

function Invoke-DiskDetach {
    param([object]$A)
    $vm = Get-TargetVm $A
    $slot = Get-SlotArg $A
    $path = [string](Get-RequiredArg $A 'path')
    $drive = @(Hyper-V\Get-VMHardDiskDrive -VM $vm | Where-Object { Test-AtSlot $_ $slot })
    if ($drive.Count -eq 0) { throw (New-Failure 'not-found' "'$($vm.Name)' has no disk at $(Get-SlotText $slot)") }
    # The plan names the file it detaches: a slot now holding another disk is not that step's to touch.
    $held = "$($drive[0].Path)"
    if ($held -ne $path) {
        $r = Resolve-Disk (Get-DiskChains @($held)) $held
        if ($r.ContainsKey('error') -or $r.path -ne $path) { throw (New-Failure 'invalid-state' "'$($vm.Name)' has '$held' at $(Get-SlotText $slot), not '$path'") }
    }
    if ($slot.type -eq 'IDE') { Assert-Off $vm 'IDE controller (remove disk)' }
    # Remove-VMHardDiskDrive detaches; the file stays (Learn: Remove-VMHardDiskDrive).
    Hyper-V\Remove-VMHardDiskDrive -VMHardDiskDrive $drive[0]
    return @{ changed = $true; keptFile = $path }
}

function Add-DvdDrive {
    param([object]$Vm, [object]$D)
    $slot = Get-SlotArg $D
    $path = Get-Arg $D 'path'
    # Add-VMDvdDrive takes no controller type: generation 1 DVD drives are IDE, generation 2 SCSI
    # (Learn: Add-VMDvdDrive; generation 1 has no SCSI DVD).
    if ($Vm.Generation -ne 2 -and $slot.type -eq 'SCSI') { throw (New-Failure 'invalid-argument' "'$($Vm.Name)' is generation 1: its DVD drives are on IDE") }
    Assert-SlotFree $Vm $slot
    if ($null -ne $path -and -not @(Test-HostPaths @([string]$path))[0]) { throw (New-Failure 'not-found' "image '$path' does not exist") }
    $dvdArgs = @{}
    if ($null -ne $path) { $dvdArgs['Path'] = [string]$path }
    Hyper-V\Add-VMDvdDrive -VM $Vm -ControllerNumber $slot.number -ControllerLocation $slot.location @dvdArgs
}

function Invoke-DvdAdd {
    param([object]$A)
    $vm = Get-TargetVm $A
    # A DVD drive is added only while the VM is Off (Learn: Add-VMDvdDrive; Hyper-V Manager offers
    # "Add Hardware" only on a stopped VM).
    Assert-Off $vm 'DVD drives (add)'
    Add-DvdDrive $vm $A
    return @{ changed = $true }
}

function Invoke-DvdSet {
    param([object]$A)
    $vm = Get-TargetVm $A
    $slot = Get-SlotArg $A
    $path = Get-Arg $A 'path'
    $drive = @(Hyper-V\Get-VMDvdDrive -VM $vm | Where-Object { Test-AtSlot $_ $slot })
    if ($drive.Count -eq 0) { throw (New-Failure 'not-found' "'$($vm.Name)' has no DVD drive at $(Get-SlotText $slot)") }
    if ($null -ne $path -and -not @(Test-HostPaths @([string]$path))[0]) { throw (New-Failure 'not-found' "image '$path' does not exist") }
    # Media change is online; -Path $null ejects (Learn: Set-VMDvdDrive).
    Hyper-V\Set-VMDvdDrive -VMDvdDrive $drive[0] -Path $(if ($null -ne $path) { [string]$path } else { $null })
    return @{ changed = $true }
}

# Writes the seed image: checked against its length and sha256 before anything is written, then a
# temporary file in the same folder renamed over the target, so a reader sees the old image or the
# new one, never a part.
function Invoke-SeedWrite {
    param([object]$A)
    $path = [string](Get-RequiredArg $A 'path')
    $sha = [string](Get-RequiredArg $A 'sha256')
    $size = Get-RequiredArg $A 'sizeBytes'
    $b64 = Get-RequiredArg $A 'contentBase64'
    if ($b64 -isnot [string]) { throw (New-Failure 'invalid-request' 'contentBase64 must be a string') }
    if (-not (Test-IntegerValue $size) -or [long]$size -lt 0 -or [long]$size -gt $SeedMaxBytes) { throw (New-Failure 'invalid-argument' "a seed image may hold at most $SeedMaxBytes bytes (asked $size)") }
    if ($b64.Length -gt (4 * [math]::Ceiling($SeedMaxBytes / 3))) { throw (New-Failure 'invalid-argument' "a seed image may hold at most $SeedMaxBytes bytes") }
    if ($path -notmatch '^[A-Za-z]:\\' -or $path -match '\\\.\.?(\\|$)') { throw (New-Failure 'invalid-argument' "seed path '$path' is not an absolute local path") }
    $bytes = $null
    try { $bytes = [Convert]::FromBase64String($b64) } catch { throw (New-Failure 'invalid-argument' 'contentBase64 is not base64') }
    if ($bytes.Length -ne [long]$size) { throw (New-Failure 'invalid-argument' "the seed content is $($bytes.Length) bytes, not $size") }
    $hasher = [System.Security.Cryptography.SHA256]::Create()
    try { $actual = -join ($hasher.ComputeHash($bytes) | ForEach-Object { $_.ToString('x2') }) } finally { $hasher.Dispose() }
    if ($actual -ne $sha.ToLowerInvariant()) { throw (New-Failure 'invalid-argument' "the seed content does not match sha256 $sha") }
    # An image inserted in a VM that is not Off is held open by it: writing over it fails on the host,
    # so it is refused first (eject it, or stop the VM).
    $vms = @(Hyper-V\Get-VM @Remote)
    if ($vms.Count -gt 0) {
        $busy = @(Hyper-V\Get-VMDvdDrive -VM $vms | Where-Object { "$($_.Path)" -ne '' -and "$($_.Path)".ToLowerInvariant() -eq $path.ToLowerInvariant() })
        foreach ($d in $busy) {
            $user = @($vms | Where-Object { "$($_.Id)" -eq "$($d.VMId)" })
            if ($user.Count -gt 0 -and "$($user[0].State)" -ne 'Off') {
                throw (New-Failure 'invalid-state' "the seed image '$path' is in use: it is inserted in '$($user[0].Name)', which is $($user[0].State) (eject it or stop the VM first)")
            }
        }
    }
    try {
        $null = Invoke-Command @HostExec -ScriptBlock {
            param([string]$Target, [byte[]]$Content)
            $folder = Split-Path -Parent -Path $Target
            $null = New-Item -ItemType Directory -Force -Path $folder
            # Provider paths (not .NET's current directory) for the .NET file calls.
            $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Target)
            $partial = "$full.hvc-partial"
            [System.IO.File]::WriteAllBytes($partial, $Content)
            # [NullString]: PowerShell would pass $null to a string parameter as ''.
            if ([System.IO.File]::Exists($full)) { [System.IO.File]::Replace($partial, $full, [NullString]::Value) } else { [System.IO.File]::Move($partial, $full) }
        } -ArgumentList $path, $bytes
    } catch {
        $inner = $_.Exception
        while ($null -ne $inner.InnerException -and $inner -isnot [System.IO.IOException]) { $inner = $inner.InnerException }
        if ($inner -is [System.IO.IOException] -and $inner -isnot [System.IO.FileNotFoundException] -and $inner -isnot [System.IO.DirectoryNotFoundException]) {
            throw (New-Failure 'invalid-state' "the seed image '$path' cannot be replaced: $($inner.Message)")
        }
        throw
    }
    return @{ changed = $true; sizeBytes = $bytes.Length }
}

# observe's `hashes`: sha256 (lower-case hex) of each listed path that observe also reports, computed
# on the host in one call; a missing file hashes to $null. Returns @{ path = sha-or-$null }.
function Get-HostHashPaths {
    param([object[]]$Paths, [object]$Hashes)
    $want = @(@($Hashes) | Where-Object { $null -ne $_ -and $Paths -ccontains $_ } | ForEach-Object { [string]$_ } | Select-Object -Unique)
    $out = @{}
    if ($want.Count -eq 0) { return $out }
    $got = @(Invoke-Command @HostExec -ScriptBlock {
            param([string[]]$List)
            foreach ($p in $List) {
                if (Test-Path -LiteralPath $p -PathType Leaf) { "$((Get-FileHash -LiteralPath $p -Algorithm SHA256).Hash)".ToLowerInvariant() } else { '' }
            }
        } -ArgumentList (, [string[]]$want))
    for ($i = 0; $i -lt $want.Count; $i++) { $out[$want[$i]] = $(if ("$($got[$i])" -ne '') { "$($got[$i])" } else { $null }) }
    return $out
}

function Add-PathHash {
    param([hashtable]$Fact, [hashtable]$Hashed)
    if ($Hashed.ContainsKey($Fact.path)) { $Fact.sha256 = $Hashed[$Fact.path] }
    return $Fact
}

# The surface of every VM at once for observe: one bulk call per kind, whatever the VM count.
function Get-SurfaceFacts {
    param([object[]]$Vms)
    $facts = @{ dvd = @{}; processor = @{}; memory = @{}; security = @{}; bios = @{} }
    if ($Vms.Count -eq 0) { return $facts }
    $facts.dvd = Group-ByVmId @(Hyper-V\Get-VMDvdDrive -VM $Vms)
    $facts.processor = Group-OnePerVm @(Hyper-V\Get-VMProcessor -VM $Vms) $Vms
    $facts.memory = Group-OnePerVm @(Hyper-V\Get-VMMemory -VM $Vms) $Vms
    $gen2 = @($Vms | Where-Object { $_.Generation -eq 2 })
    $gen1 = @($Vms | Where-Object { $_.Generation -ne 2 })
    if ($gen2.Count -gt 0) { $facts.security = Group-OnePerVm @(Hyper-V\Get-VMSecurity -VM $gen2) $gen2 }
    if ($gen1.Count -gt 0) { $facts.bios = Group-OnePerVm @(Hyper-V\Get-VMBios -VM $gen1) $gen1 }
    return $facts
}

# One settings object per VM, grouped by its VMId; should a cmdlet's objects carry none, by position
# (each answers its -VM list in order, one object per VM).
function Group-OnePerVm {
    param([object[]]$Items, [object[]]$Vms)
    $withId = @($Items | Where-Object { $null -ne $_.PSObject.Properties['VMId'] -and "$($_.VMId)" -ne '' })
    if ($withId.Count -eq $Items.Count -or $Items.Count -ne $Vms.Count) { return (Group-ByVmId $Items) }
    $map = @{}
    for ($i = 0; $i -lt $Vms.Count; $i++) {
        $l = New-Object System.Collections.ArrayList
        $null = $l.Add($Items[$i])
        $map["$($Vms[$i].Id)".ToLowerInvariant()] = $l
    }
    return $map
}

function Get-FirstOf {
    param([hashtable]$Map, [string]$Key)
    $l = @(Get-Group $Map $Key)
    if ($l.Count -eq 0) { return $null }
    return $l[0]
}

# Adds dvdDrives and the settings to every observed VM entry (matched by id).
function Add-SurfaceObservation {
    param([System.Collections.ArrayList]$Entries, [object[]]$Vms, [hashtable]$Facts, [hashtable]$FirmwareBy)
    $byId = @{}
    foreach ($v in $Vms) { $byId["$($v.Id)".ToLowerInvariant()] = $v }
    foreach ($e in $Entries) { Add-SurfaceFields $e $byId[$e.id] $Facts (Get-FirstOf $FirmwareBy $e.id) }
}

# Adds dvdDrives and the settings to one observed VM entry.
function Add-SurfaceFields {
    param([hashtable]$Entry, [object]$Vm, [hashtable]$Facts, [object]$Firmware)
    $id = "$($Vm.Id)".ToLowerInvariant()
    $Entry.dvdDrives = @(Get-Group $Facts.dvd $id | Sort-Object -Property @('ControllerNumber', 'ControllerLocation') | ForEach-Object {
            @{ controllerType = "$($_.ControllerType)"; controllerNumber = [int]$_.ControllerNumber; controllerLocation = [int]$_.ControllerLocation; path = $(if ("$($_.Path)" -ne '') { "$($_.Path)" } else { $null }) }
        })
    $view = Get-SettingsView $Vm (Get-FirstOf $Facts.processor $id) (Get-FirstOf $Facts.memory $id) (Get-FirstOf $Facts.security $id) $Firmware (Get-FirstOf $Facts.bios $id)
    foreach ($k in $view.Keys) { $Entry[$k] = $view[$k] }
}

# vm.create's wider surface on the new (Off) VM: data disks, DVD drives, settings, integration
# services. Returns the disk files it made (removed again if the create fails later).
function Add-CreateSurface {
    param([object]$Vm, [object]$A, [System.Collections.IDictionary]$Settings, [System.Collections.ArrayList]$Made)
    foreach ($d in @(Get-Arg $A 'dataDisks' | Where-Object { $null -ne $_ })) {
        $f = Add-DataDisk $Vm $d
        if ($null -ne $f) { $null = $Made.Add($f) }
    }
    foreach ($d in @(Get-Arg $A 'dvdDrives' | Where-Object { $null -ne $_ })) { Add-DvdDrive $Vm $d }
    if ($Settings.Count -gt 0) { $null = Set-VmSettings $Vm $Settings (Get-VmSettingsView $Vm) }
    $services = Get-Arg $A 'integrationServices'
    if ($null -ne $services) { $null = Set-IntegrationServices $Vm @($services) }
}
# --- end of storage and settings surface ----------------------------------------------------------

function Invoke-Operation {
    param([string]$Op, [object]$A)
    if ($HyperVModuleError -ne '' -and $Op -ne 'doctor') {
        throw (New-Failure 'hyperv-error' "the Hyper-V PowerShell module is not available on this machine ($HyperVModuleError): run doctor for the fix")
    }
    switch ($Op) {
        'observe' { return Invoke-Observe $A }
        'guest.addresses' { return Invoke-GuestAddresses $A }
        'doctor' { return Invoke-Doctor $A }
        'vm.create' { return Invoke-Create $A }
        'vm.start' {
            $vm = Get-TargetVm $A
            $state = "$($vm.State)"
            if ($state -eq 'Running') { return @{ state = 'Running'; changed = $false } }
            if ($state -eq 'Paused') { Hyper-V\Resume-VM -VM $vm }
            elseif ($state -eq 'Off' -or $state -eq 'Saved') { Hyper-V\Start-VM -VM $vm }
            else { throw (New-Failure 'invalid-state' "'$($vm.Name)' cannot start while $state") }
            return @{ state = 'Running'; changed = $true }
        }
        'vm.stop' { return Invoke-Stop $A }
        'vm.setCpus' {
            $vm = Get-TargetVm $A
            $count = [int64](Get-RequiredArg $A 'count')
            if ($count -eq [int64]$vm.ProcessorCount) { return @{ changed = $false } }
            Assert-Off $vm 'processor count'
            Hyper-V\Set-VMProcessor -VM $vm -Count $count
            return @{ changed = $true }
        }
        'vm.setMemory' {
            $vm = Get-TargetVm $A
            return @{ changed = (Set-Memory $vm $A) }
        }
        'vm.setSecureBoot' {
            $vm = Get-TargetVm $A
            $enabled = [bool](Get-RequiredArg $A 'enabled')
            if ($vm.Generation -ne 2) { throw (New-Failure 'invalid-argument' "'$($vm.Name)' is generation 1: secure boot needs generation 2") }
            $current = ("$((Hyper-V\Get-VMFirmware -VM $vm).SecureBoot)" -eq 'On')
            if ($current -eq $enabled) { return @{ changed = $false } }
            Assert-Off $vm 'firmware (secure boot)'
            Hyper-V\Set-VMFirmware -VM $vm -EnableSecureBoot $(if ($enabled) { 'On' } else { 'Off' })
            return @{ changed = $true }
        }
        'vm.setSettings' { return Invoke-SetSettings $A }
        'vm.setIntegrationServices' { return Invoke-SetIntegrationServices $A }
        'disk.add' { return Invoke-DiskAdd $A }
        'disk.detach' { return Invoke-DiskDetach $A }
        'dvd.add' { return Invoke-DvdAdd $A }
        'dvd.set' { return Invoke-DvdSet $A }
        'seed.write' { return Invoke-SeedWrite $A }
        'vm.connectSwitch' {
            $vm = Get-TargetVm $A
            $nic = Get-Adapter $vm (Get-Arg $A 'adapter')
            $switchName = Get-Arg $A 'switch'
            if ($null -eq $switchName) {
                Hyper-V\Disconnect-VMNetworkAdapter -VMNetworkAdapter $nic
            } else {
                Hyper-V\Connect-VMNetworkAdapter -VMNetworkAdapter $nic -VMSwitch (Get-Switch ([string]$switchName))
            }
            return @{ changed = $true }
        }
        'vm.setMac' {
            $vm = Get-TargetVm $A
            $nic = Get-Adapter $vm (Get-Arg $A 'adapter')
            Assert-Off $vm 'network adapter (MAC address)'
            $mac = Get-Arg $A 'mac'
            if ($null -eq $mac) {
                Hyper-V\Set-VMNetworkAdapter -VMNetworkAdapter $nic -DynamicMacAddress
            } else {
                Hyper-V\Set-VMNetworkAdapter -VMNetworkAdapter $nic -StaticMacAddress (ConvertTo-Mac $mac)
            }
            return @{ changed = $true }
        }
        'vm.setNotes' {
            $vm = Get-TargetVm $A
            Hyper-V\Set-VM -VM $vm -Notes ([string](Get-RequiredArg $A 'notes'))
            return @{ changed = $true }
        }
        'vm.checkpoint' {
            $vm = Get-TargetVm $A
            $cp = Hyper-V\Checkpoint-VM -VM $vm -SnapshotName ([string](Get-RequiredArg $A 'checkpointName')) -Passthru
            return @{ id = "$($cp.Id)".ToLowerInvariant(); name = "$($cp.Name)" }
        }
        'vm.remove' { return Invoke-Remove $A }
        'vm.addAdapter' { return Invoke-AddAdapter $A }
        'vm.removeAdapter' { return Invoke-RemoveAdapter $A }
        'vm.setAdapter' { return Invoke-SetAdapter $A }
        'switch.create' { return Invoke-SwitchCreate $A }
        'switch.setNat' { return Invoke-SwitchSetNat $A }
        'switch.remove' { return Invoke-SwitchRemove $A }
        'disk.grow' {
            $vm = Get-TargetVm $A
            $path = [string](Get-RequiredArg $A 'path')
            $size = [int64](Get-RequiredArg $A 'sizeBytes')
            $drives = @(Hyper-V\Get-VMHardDiskDrive -VM $vm | ForEach-Object { "$($_.Path)" } | Where-Object { $_ -ne '' })
            $chains = Get-DiskChains ([string[]]$drives)
            $attached = @($drives | ForEach-Object { Resolve-Disk $chains $_ } | Where-Object { -not $_.ContainsKey('error') -and $_.path -eq $path })
            if ($attached.Count -eq 0) { throw (New-Failure 'not-found' "'$($vm.Name)' has no disk '$path'") }
            if ($attached[0].checkpointed) {
                # Hyper-V cannot resize a disk that has checkpoints (a differencing chain); the base file
                # must not be resized under its .avhdx children either.
                throw (New-Failure 'invalid-state' "disk '$path' of '$($vm.Name)' has checkpoints: a disk with checkpoints cannot be resized; delete the checkpoints first")
            }
            $vhd = Hyper-V\Get-VHD -Path $path @Remote
            if ($size -lt [int64]$vhd.Size) { throw (New-Failure 'invalid-argument' "disk '$path' is $($vhd.Size) bytes: disks only grow (asked $size)") }
            if ($size -eq [int64]$vhd.Size) { return @{ sizeBytes = $size; changed = $false } }
            $null = Hyper-V\Resize-VHD -Path $path -SizeBytes $size @Remote
            return @{ sizeBytes = $size; changed = $true }
        }
        default { throw (New-Failure 'unsupported' "operation '$Op' is not supported by the hyperv agent") }
    }
}

# --- main loop -------------------------------------------------------------------------------
$HyperVModuleError = ''
try {
    Microsoft.PowerShell.Core\Import-Module -Name 'Hyper-V'
} catch {
    # Reported per request (and by doctor) rather than as a failed start.
    $HyperVModuleError = "$($_.Exception.Message)"
}
if ($ComputerName -ne '') {
    Connect-HostCim
}

# The client that launched us (HVC_CLIENT_PID): once it is gone nobody learns an outcome and its next
# run plans from a fresh observation, so no new operation is started. A pid taken over by a process
# that started after this agent is not our client.
$ClientPid = 0
$null = [int]::TryParse("$env:HVC_CLIENT_PID", [ref]$ClientPid)
$SelfStart = (Microsoft.PowerShell.Management\Get-Process -Id $PID).StartTime
function Test-ClientGone {
    if ($ClientPid -le 0) { return $false }
    $client = Microsoft.PowerShell.Management\Get-Process -Id $ClientPid -ErrorAction SilentlyContinue
    if ($null -eq $client) { return $true }
    try { return ($client.StartTime -gt $SelfStart) } catch { return $false }
}

Write-Line @{ type = 'hello'; agent = 'hyperv'; protocol = 1; pid = $PID }

while ($true) {
    $line = $In.ReadLine()
    if ($null -eq $line) { break }
    if ($line.Trim() -eq '') { continue }
    if (Test-ClientGone) { break }
    $id = -1
    try {
        $req = ConvertFrom-Json -InputObject $line
        $idProp = $req.PSObject.Properties['id']
        $opProp = $req.PSObject.Properties['op']
        if ($null -eq $idProp -or $null -eq $opProp) { throw (New-Failure 'invalid-request' 'request needs an id and an op') }
        $id = [int64]$idProp.Value
        $argsProp = $req.PSObject.Properties['args']
        $a = $(if ($null -ne $argsProp -and $null -ne $argsProp.Value) { $argsProp.Value } else { [pscustomobject]@{} })
        $result = Invoke-Operation ([string]$opProp.Value) $a
        Write-Line @{ id = $id; ok = $true; result = $result }
    } catch {
        Write-Line @{ id = $id; ok = $false; error = (Get-ErrorInfo $_) }
    }
}
if ($Cim.ContainsKey('CimSession')) { CimCmdlets\Remove-CimSession -CimSession $Cim['CimSession'] }
exit 0
