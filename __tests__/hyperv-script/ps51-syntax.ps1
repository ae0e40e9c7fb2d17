# Parses a script with PowerShell's own parser and lists what Windows PowerShell 5.1 cannot run:
# parse errors, and syntax that PowerShell 6/7 added (about_Operators, about_Pipeline_Chain_Operators,
# about_Functions_Advanced_Methods "clean", about_Special_Characters `e and `u{}). One JSON line out.
param([Parameter(Mandatory = $true)][string]$Path)
$ErrorActionPreference = 'Stop'
$tokens = $null
$errors = $null
$ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
$found = New-Object System.Collections.ArrayList
function Add-Finding([string]$Kind, [System.Management.Automation.Language.IScriptExtent]$At) {
    $null = $found.Add([ordered]@{ kind = $Kind; line = $At.StartLineNumber; text = $At.Text.Substring(0, [Math]::Min(80, $At.Text.Length)) })
}
foreach ($e in $errors) { Add-Finding "parse-error: $($e.Message)" $e.Extent }
$L = [System.Management.Automation.Language.TokenKind]
foreach ($t in $tokens) {
    switch ($t.Kind) {
        ([System.Management.Automation.Language.TokenKind]::QuestionQuestion) { Add-Finding 'null-coalescing ??' $t.Extent }
        ([System.Management.Automation.Language.TokenKind]::QuestionQuestionEquals) { Add-Finding 'null-coalescing assignment ??=' $t.Extent }
        ([System.Management.Automation.Language.TokenKind]::QuestionDot) { Add-Finding 'null-conditional ?.' $t.Extent }
        ([System.Management.Automation.Language.TokenKind]::QuestionLBracket) { Add-Finding 'null-conditional ?[' $t.Extent }
        ([System.Management.Automation.Language.TokenKind]::AndAnd) { Add-Finding 'pipeline chain &&' $t.Extent }
        ([System.Management.Automation.Language.TokenKind]::OrOr) { Add-Finding 'pipeline chain ||' $t.Extent }
        ([System.Management.Automation.Language.TokenKind]::Clean) { Add-Finding 'clean block' $t.Extent }
    }
    if (($t.Kind -eq [System.Management.Automation.Language.TokenKind]::StringExpandable -or $t.Kind -eq [System.Management.Automation.Language.TokenKind]::HereStringExpandable) -and $t.Text -match '`e|`u\{') {
        Add-Finding 'escape `e or `u{} (PowerShell 6+)' $t.Extent
    }
}
$asts = $ast.FindAll({ $true }, $true)
foreach ($a in $asts) {
    if ($a -is [System.Management.Automation.Language.TernaryExpressionAst]) { Add-Finding 'ternary ? :' $a.Extent }
    elseif ($a -is [System.Management.Automation.Language.PipelineAst] -and $a.Background) { Add-Finding 'background operator &' $a.Extent }
    elseif ($a -is [System.Management.Automation.Language.CommandAst]) {
        $name = $a.GetCommandName()
        if ($name -match '(^|\\)ForEach-Object$' -and @($a.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] -and $_.ParameterName -like 'Parallel' }).Count -gt 0) {
            Add-Finding 'ForEach-Object -Parallel' $a.Extent
        }
    }
}
[Console]::Out.WriteLine((ConvertTo-Json -InputObject @($found.ToArray()) -Depth 5 -Compress))
