import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeListenError, parsePort } from "../../src/site/parse-port.ts";

describe("parsePort(text)", () => {
  it("reads a port, 0 for any free one, 8080 when unset", () => {
    assert.equal(parsePort(undefined), 8080);
    assert.equal(parsePort(""), 8080);
    assert.equal(parsePort("3000"), 3000);
    assert.equal(parsePort(" 0 "), 0);
    assert.equal(parsePort("65535"), 65535);
  });

  it("says what a port must be instead of failing with a stack", () => {
    for (const bad of ["abc", "80.5", "-1", "65536", "1e3", "0x50", "99999999"]) {
      assert.throws(() => parsePort(bad), /PORT must be a whole number from 1 to 65535/, bad);
    }
  });
});

describe("describeListenError(error, port)", () => {
  it("explains a busy port and a privileged one", () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    assert.match(describeListenError(error("EADDRINUSE"), 8080) ?? "", /already in use.*PORT=8081/);
    assert.match(describeListenError(error("EACCES"), 80) ?? "", /above 1023/);
    assert.equal(describeListenError(error("EOTHER"), 80), undefined);
  });
});
