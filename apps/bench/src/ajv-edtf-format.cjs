// For the ajv-cli comparison: registers the same `edtf` format (the same EDTF library, levels 0-1)
// and the uri/date formats the validator uses, so that both check the same schemas the same way.
// (edtf is an ES module; Node 20.19+ can require() it synchronously, as ajv-cli needs.)
const addFormats = require('ajv-formats');
const { parse } = require('edtf');

module.exports = function (ajv) {
  (addFormats.default || addFormats)(ajv, ['uri', 'date']);
  ajv.addFormat('edtf', {
    type: 'string',
    validate: (s) => {
      try {
        parse(s, { level: 1 });
        return true;
      } catch {
        return false;
      }
    },
  });
};
