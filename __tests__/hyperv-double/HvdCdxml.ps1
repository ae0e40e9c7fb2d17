# How the double's CDXML modules (NetTCPIP, NetNat) run a cmdlet (TEST CODE). Real CDXML cmdlets are
# generated script functions, so the CALLER's $ErrorActionPreference does not reach them and their
# errors stay non-terminating unless -ErrorAction Stop is passed to the call itself
# (PowerShell/PowerShell#24389 "Get-NetIPAddress does not respect $ErrorActionPreference = Stop",
# answered by #4568: script-module functions do not see the caller's preference variables). So a
# failure here stops the caller only when the call itself says -ErrorAction Stop.
# Each cmdlet's behaviour is a function HvdCim-<cmdlet> of the module ($S: state, $B: bound parameters).

function Write-HvdCimError {
    param([System.Management.Automation.PSCmdlet]$Cmdlet, [hashtable]$Bound, [System.Management.Automation.ErrorRecord]$Record)
    if ($Bound.ContainsKey('ErrorAction')) { $Cmdlet.WriteError($Record) } else { Write-Error -ErrorRecord $Record -ErrorAction Continue }
}

function Invoke-HvdCmdlet {
    param([string]$Name, [System.Management.Automation.PSCmdlet]$Cmdlet, [hashtable]$Bound)
    Write-HvdCall $Name
    $s = Read-HvdState
    $fail = Get-HvdKnob $s 'failCmdlets'
    if ($null -ne $fail -and $fail.Contains($Name)) {
        Write-HvdCimError $Cmdlet $Bound (New-HvdError "$($fail[$Name]) (injected by the double)" NotSpecified "Windows System Error 5,$Name" $null)
        return
    }
    $broken = @(Get-HvdKnob $s 'brokenCimSessions')
    if ($Bound.ContainsKey('CimSession') -and @($Bound['CimSession'] | Where-Object { $broken -contains $_.Id }).Count -gt 0) {
        # A dropped WinRM connection under a CIM session (see ../CimCmdlets).
        Write-HvdCimError $Cmdlet $Bound (New-HvdError "The WinRM client cannot process the request: the CIM session to the host is no longer connected. (injected by the double)" ConnectionError "HRESULT 0x80338012,$Name" $null)
        return
    }
    $impl = Get-Command -Name "HvdCim-$Name" -CommandType Function -ErrorAction SilentlyContinue
    if ($null -eq $impl) {
        Write-HvdCimError $Cmdlet $Bound (New-HvdError "$Name is not modelled by the double" NotImplemented "NotModelled,$Name" $null)
        return
    }
    try { & $impl -S $s -B $Bound }
    catch { Write-HvdCimError $Cmdlet $Bound $(if ($_.TargetObject -is [System.Management.Automation.ErrorRecord]) { $_.TargetObject } else { $_ }) }
}
