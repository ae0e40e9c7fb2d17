# CIM sessions to the double (TEST CODE): PowerShell on Linux has no WinRM, so a remote host's CIM
# session is a numbered token. A session listed in the knob brokenCimSessions fails every NetTCPIP
# call made through it, as a session whose WinRM connection dropped keeps failing until it is renewed
# (Learn: New-CimSession — a session is a persistent connection to a remote computer).
. (Join-Path $PSScriptRoot '..' 'HvdCore.ps1')

function New-CimSession {
    [CmdletBinding()]
    param([string[]]$ComputerName)
    Write-HvdCall 'New-CimSession'
    $n = Update-HvdState { param($s) $d = Get-HvdDouble $s; $d['cimSessions'] = 1 + [int]$(if ($d.Contains('cimSessions')) { $d['cimSessions'] } else { 0 }); $d['cimSessions'] }
    New-HvdObject @('Microsoft.Management.Infrastructure.CimSession') ([ordered]@{ Id = [int]$n; ComputerName = "$($ComputerName[0])" })
}

function Remove-CimSession {
    [CmdletBinding()]
    param([object[]]$CimSession)
    Write-HvdCall 'Remove-CimSession'
}

Export-ModuleMember -Function 'New-CimSession', 'Remove-CimSession'
