-- Drives Neovim's built-in LSP client against the policylint server (Neovim 0.7 API, which
-- 0.10 keeps): open a draft, wait for diagnostics, apply the insert quick-fix of a missing
-- section and a disable action, write the file. Run with: nvim --headless -u NONE -i NONE -n
-- -c "luafile neovim-lsp.lua" (no filetype: the language id is empty). Exits 0 on success.
local file = vim.env.POLICYLINT_FILE
local server = vim.env.POLICYLINT_SERVER

local function fail(what)
  io.stderr:write('neovim-lsp: ' .. what .. '\n')
  vim.cmd('cquit 1')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = 'policylint', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.fnamemodify(file, ':h') })
if not id then fail('the server did not start') end
vim.lsp.buf_attach_client(buf, id)

local function wait(what, cond)
  if not vim.wait(20000, cond, 50) then fail('timed out waiting for ' .. what) end
end

--- The LSP diagnostics Neovim keeps for the buffer (optionally of one rule).
local function diagnostics(code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    -- Neovim 0.7 keeps only some LSP fields in user_data.lsp: rebuild the diagnostic.
    local lsp = (d.user_data and d.user_data.lsp) or {}
    local c = lsp.code or d.code
    if code == nil or c == code then
      table.insert(out, {
        range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col } },
        message = d.message, source = d.source, severity = lsp.severity or d.severity, code = c, data = lsp.data,
      })
    end
  end
  return out
end

wait('diagnostics', function() return #diagnostics('children') > 0 end)
local client = vim.lsp.get_client_by_id(id)

local function actions(diags)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = vim.api.nvim_buf_line_count(buf), character = 0 } },
    context = { diagnostics = diags },
  }
  local res = client.request_sync('textDocument/codeAction', params, 10000, buf)
  if not res or res.err then fail('codeAction failed: ' .. vim.inspect(res and res.err)) end
  return res.result or {}
end

local function apply(action)
  if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16') end
  if action.command then
    local res = client.request_sync('workspace/executeCommand', action.command, 10000, buf)
    if not res or res.err then fail(action.title .. ': ' .. vim.inspect(res and res.err)) end
  end
end

local function text() return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') end

-- 1. The insert quick-fix of the missing children's section.
local insert
for _, a in ipairs(actions(diagnostics('children'))) do
  if a.isPreferred ~= nil and not a.title:match('^Disable') then insert = a end
end
if not insert then fail('no insert quick-fix for children') end
local before = text()
apply(insert)
if text() == before then fail('the insert quick-fix changed nothing') end
wait('the children diagnostic to go away', function() return #diagnostics('children') == 0 end)

-- 2. A disable action (through the server: every action is an edit or a server command).
wait('the no-placeholders diagnostic', function() return #diagnostics('no-placeholders') > 0 end)
local disable
for _, a in ipairs(actions(diagnostics('no-placeholders'))) do
  if a.title:match('^Disable no%-placeholders for this file with a reason') then disable = a end
  if a.command and a.command.command:match('^policylint%.[a-z]+$') then fail('a client-only command: ' .. a.command.command) end
end
if not disable then fail('no disable action for no-placeholders') end
apply(disable)
if not text():find('policylint-disable-file no-placeholders', 1, true) then fail('no disable comment in the buffer') end
wait('the no-placeholders diagnostic to go away', function() return #diagnostics('no-placeholders') == 0 end)

-- 3. Show documentation: a server command (window/showDocument where the client has it).
for _, a in ipairs(actions(diagnostics('contact'))) do
  if a.title == 'Show documentation for contact' then apply(a) end
end

vim.cmd('write')
client.stop()
vim.cmd('qall!')
