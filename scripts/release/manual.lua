-- Pandoc filter for the one-page manual (scripts/release/manual.sh): run on
-- each docs/NAME.md with -M docfile=NAME, it makes that file's identifiers
-- unique in the whole manual and turns links between the Markdown files into
-- links inside the page:
--   the file's first heading       id NAME
--   any other heading "x"          id NAME--x
--   [..](#x)                       #NAME--x
--   [..](OTHER.md) / (OTHER.md#y)  #OTHER / #OTHER--y
-- Links elsewhere (URLs, files outside docs/) are left as they are.
local docfile
local first = true

local function fix(target)
  if target:match('^#') then
    return '#' .. docfile .. '--' .. target:sub(2)
  end
  local name, frag = target:match('^([%w_%-]+)%.md(#?.*)$')
  if name then
    if frag == '' or frag == '#' then
      return '#' .. name
    end
    return '#' .. name .. '--' .. frag:sub(2)
  end
  return target
end

return {
  {
    Meta = function(m)
      docfile = pandoc.utils.stringify(m.docfile)
    end
  },
  {
    Header = function(h)
      if first then
        h.identifier = docfile
        first = false
      else
        h.identifier = docfile .. '--' .. h.identifier
      end
      return h
    end,
    Link = function(l)
      l.target = fix(l.target)
      return l
    end
  }
}
