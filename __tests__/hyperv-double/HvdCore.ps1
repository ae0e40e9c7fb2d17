# The Hyper-V double's core, dot-sourced by each double module (Hyper-V, NetTCPIP). TEST CODE: it
# lives under __tests__/ and is loaded only through PSModulePath in tests, never shipped.
#
# State: the TypeScript simulator's state file (format hyperv-converge-sim, src/backends/sim/state.ts),
# path in $env:HVC_DOUBLE_STATE, shared by every agent process of a pool. Reads take the file as it is
# (writers replace it atomically); every change holds the simulator's own lock (`<file>.lock`, created
# exclusively, stale after 60 s) and writes a temp file + rename, exactly as the simulator does.
# Files: Windows paths (D:\images\base.vhdx) live under $env:HVC_DOUBLE_ROOT/<drive letter>/..., and
# each drive letter is a global PSDrive, so the agent's own Test-Path/Copy-Item/New-Item/Remove-Item
# work unchanged on Linux (PowerShell on Unix accepts '\' as a separator). A virtual disk is a file
# whose first line is JSON ({"hvcDoubleVhd":1,...}); a copy of it is a copy of the disk.
# Calls: every cmdlet invocation is appended to $env:HVC_DOUBLE_CALLS (one "<pid> <cmdlet>" line) when set.

Set-StrictMode -Version 2.0

$script:HvdStatePath = $env:HVC_DOUBLE_STATE
$script:HvdRoot = $(if ($env:HVC_DOUBLE_ROOT) { $env:HVC_DOUBLE_ROOT } elseif ($env:HVC_DOUBLE_STATE) { "$($env:HVC_DOUBLE_STATE).host" } else { '' })
$script:HvdUtf8 = [System.Text.UTF8Encoding]::new($false)

# VMState: names and numbers of Microsoft.HyperV.PowerShell.VMState (Learn: "VMState Enum",
# https://learn.microsoft.com/en-us/dotnet/api/microsoft.hyperv.powershell.vmstate). The agent must use
# names: ConvertTo-Json writes this enum as a number.
enum VMState {
    Other = 1; Running = 2; Off = 3; Stopping = 4; Saved = 6; Paused = 9; Starting = 10; Reset = 11; Saving = 32773
    Pausing = 32776; Resuming = 32777; FastSaved = 32779; FastSaving = 32780; ForceShutdown = 32781; ForceReboot = 32782
    RunningCritical = 32783; OffCritical = 32784; StoppingCritical = 32785; SavedCritical = 32786; PausedCritical = 32787
    StartingCritical = 32788; ResetCritical = 32789; SavingCritical = 32790; PausingCritical = 32791; ResumingCritical = 32792
}
enum OnOffState { On = 0; Off = 1 }
enum VMSwitchType { Private = 0; Internal = 1; External = 2 }
enum VhdFormat { Unknown = 0; VHD = 2; VHDX = 3; VHDSet = 4 }
enum VhdType { Unknown = 0; Fixed = 2; Dynamic = 3; Differencing = 4 }

function Test-HvdType {
    param([object]$Value, [string]$TypeName)
    if ($null -eq $Value) { return $false }
    if (-not (@($Value.PSObject.TypeNames) -contains $TypeName)) {
        throw "Cannot convert the value of type '$(@($Value.PSObject.TypeNames)[0])' to type '$TypeName'."
    }
    return $true
}

function New-HvdObject {
    param([string[]]$TypeNames, [System.Collections.IDictionary]$Properties)
    $o = [pscustomobject]$Properties
    for ($i = $TypeNames.Count - 1; $i -ge 0; $i--) { $o.PSObject.TypeNames.Insert(0, $TypeNames[$i]) }
    return $o
}

function Write-HvdCall {
    param([string]$Name)
    if ($env:HVC_DOUBLE_CALLS) { [System.IO.File]::AppendAllText($env:HVC_DOUBLE_CALLS, "$PID $Name`n") }
}

# --- state file -----------------------------------------------------------------------------------
function Read-HvdState {
    if (-not $script:HvdStatePath) { throw 'HVC_DOUBLE_STATE is not set: the Hyper-V double has no host state' }
    $text = [System.IO.File]::ReadAllText($script:HvdStatePath, $script:HvdUtf8)
    $s = ConvertFrom-Json -InputObject $text -AsHashtable -Depth 64 -DateKind String
    if ($s['format'] -ne 'hyperv-converge-sim' -or $s['version'] -ne 1) { throw "$($script:HvdStatePath) is not a hyperv-converge-sim v1 state file" }
    return $s
}

function Write-HvdState {
    param([System.Collections.IDictionary]$State)
    $tmp = "$($script:HvdStatePath).$PID.$([guid]::NewGuid().ToString('N').Substring(0, 8)).tmp"
    [System.IO.File]::WriteAllText($tmp, (ConvertTo-Json -InputObject $State -Depth 64), $script:HvdUtf8)
    [System.IO.File]::Move($tmp, $script:HvdStatePath, $true)
}

# Runs $Change on the state under the simulator's lock and writes the state back.
function Update-HvdState {
    param([scriptblock]$HvdStateChange)
    $lock = "$($script:HvdStatePath).lock"
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ($true) {
        try { ([System.IO.File]::Open($lock, [System.IO.FileMode]::CreateNew, [System.IO.FileAccess]::Write, [System.IO.FileShare]::None)).Dispose(); break }
        catch [System.IO.IOException] {
            # A lock released since the failed open reads as written in 1601 (File.GetLastWriteTimeUtc of
            # a missing file): not stale, just gone. Breaking it then would delete the NEXT holder's
            # fresh lock, and two writers would each write back their own read (a lost update).
            try {
                $written = [System.IO.File]::GetLastWriteTimeUtc($lock)
                if ($written.Year -gt 1601 -and ([DateTime]::UtcNow - $written).TotalSeconds -gt 60) { [System.IO.File]::Delete($lock) }
            } catch { $null = $_ }
            if ([DateTime]::UtcNow -gt $deadline) { throw "double state $($script:HvdStatePath) stayed locked for 30 s" }
            Start-Sleep -Milliseconds (5 + (Get-Random -Maximum 5))
        }
    }
    try {
        $hvdState = Read-HvdState
        $hvdResult = & $HvdStateChange $hvdState
        Write-HvdState $hvdState
        return $hvdResult
    } finally {
        [System.IO.File]::Delete($lock)
    }
}

function Get-HvdDouble {
    # Double-only knobs and records, kept beside the simulator's fields: host.double = { access,
    # brokenPaths, busyPaths, failCmdlets, hangCmdlets, materialized, cimSessions, brokenCimSessions }.
    param([System.Collections.IDictionary]$State)
    if (-not $State['host'].Contains('double') -or $null -eq $State['host']['double']) { $State['host']['double'] = [ordered]@{} }
    return $State['host']['double']
}

function Get-HvdKnob {
    param([System.Collections.IDictionary]$State, [string]$Name)
    $d = Get-HvdDouble $State
    if ($d.Contains($Name)) { return $d[$Name] }
    return $null
}

# --- files ----------------------------------------------------------------------------------------
function ConvertTo-HvdLocalPath {
    param([string]$Path)
    if ($Path -notmatch '^([A-Za-z]):[\\/](.*)$') { throw "'$Path' is not an absolute Windows path the double can map" }
    $rest = $Matches[2] -replace '\\', '/'
    return [System.IO.Path]::Combine($script:HvdRoot, $Matches[1].ToUpperInvariant(), $rest)
}

function Read-HvdVhdFile {
    param([string]$Path)
    $local = ConvertTo-HvdLocalPath $Path
    if (-not [System.IO.File]::Exists($local)) { return $null }
    $reader = [System.IO.StreamReader]::new($local, $script:HvdUtf8)
    try { $line = $reader.ReadLine() } finally { $reader.Dispose() }
    try { $v = ConvertFrom-Json -InputObject $line -AsHashtable -DateKind String } catch { $v = $null }
    if ($null -eq $v -or -not $v.Contains('hvcDoubleVhd')) { return @{ corrupt = $true } }
    return $v
}

function Write-HvdVhdFile {
    param([string]$Path, [string]$Format, [string]$Type, [int64]$SizeBytes, [object]$ParentPath)
    $local = ConvertTo-HvdLocalPath $Path
    [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($local)) | Out-Null
    $v = [ordered]@{ hvcDoubleVhd = 1; format = $Format; type = $Type; sizeBytes = $SizeBytes; parentPath = $ParentPath }
    [System.IO.File]::WriteAllText($local, (ConvertTo-Json -InputObject $v -Compress) + "`n", $script:HvdUtf8)
}

function Get-HvdDriveLetters {
    param([System.Collections.IDictionary]$State)
    $letters = [System.Collections.Generic.HashSet[string]]::new([string[]]@('C', 'D'))
    $paths = @($State['host']['files'].Keys) + @($State['host']['folders']) + @($State['vms'] | ForEach-Object { $_['path'] })
    foreach ($p in $paths) { if ("$p" -match '^([A-Za-z]):') { $null = $letters.Add($Matches[1].ToUpperInvariant()) } }
    return @($letters)
}

# Once per state file: the seed's folders and files become real folders and virtual-disk files.
function Initialize-HvdHost {
    if (-not $script:HvdStatePath -or -not $script:HvdRoot) { return }
    $letters = Update-HvdState {
        param($s)
        $d = Get-HvdDouble $s
        if (-not $d.Contains('materialized')) {
            foreach ($f in @($s['host']['folders'])) { [System.IO.Directory]::CreateDirectory((ConvertTo-HvdLocalPath $f)) | Out-Null }
            foreach ($k in @($s['host']['files'].Keys)) {
                $f = $s['host']['files'][$k]
                $format = $(if ($k -match '\.vhd$') { 'VHD' } else { 'VHDX' })
                $type = $(if ($f['parentPath']) { 'Differencing' } else { 'Dynamic' })
                Write-HvdVhdFile $k $format $type ([int64]$f['sizeBytes']) $f['parentPath']
            }
            $d['materialized'] = $true
        }
        , (Get-HvdDriveLetters $s)
    }
    foreach ($l in $letters) {
        $dir = [System.IO.Path]::Combine($script:HvdRoot, $l)
        [System.IO.Directory]::CreateDirectory($dir) | Out-Null
        if (-not (Get-PSDrive -Name $l -PSProvider FileSystem -ErrorAction SilentlyContinue)) {
            $null = New-PSDrive -Name $l -PSProvider FileSystem -Root $dir -Scope Global
        }
    }
}

# --- errors ---------------------------------------------------------------------------------------
# Hyper-V's binary cmdlets raise VirtualizationException records; under the agent's
# $ErrorActionPreference = 'Stop' they terminate the statement, which is what the double does.
function New-HvdError {
    param([string]$Message, [System.Management.Automation.ErrorCategory]$Category, [string]$ErrorId, [object]$Target, [string]$ExceptionType = 'System.InvalidOperationException')
    $ex = New-Object -TypeName $ExceptionType -ArgumentList $Message
    return [System.Management.Automation.ErrorRecord]::new($ex, $ErrorId, $Category, $Target)
}
