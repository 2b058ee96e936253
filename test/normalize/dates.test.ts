import assert from 'node:assert/strict';
import { parseDate } from '../../src/normalize/dates.js';
import { parseInterval } from '../../src/normalize/temporal.js';

describe('parseDate', () => {
  const dates: [string, string][] = [
    ['2019-05-02', '2019-05-02'],
    ['  2019-05-02 ', '2019-05-02'],
    ['2019-05-02T14:23:11', '2019-05-02T14:23:11.000Z'],
    ['2019-05-02T14:23:11.123456', '2019-05-02T14:23:11.123Z'],
    ['2019-05-02T14:23:11.5Z', '2019-05-02T14:23:11.500Z'],
    ['2019-05-02T14:23:11-05:00', '2019-05-02T19:23:11.000Z'],
    ['2019-05-02 14:23:11+0000', '2019-05-02T14:23:11.000Z'],
    ['2019-05-02T14:23', '2019-05-02T14:23:00.000Z'],
    ['2018-05', '2018-05-01'],
    ['2018', '2018-01-01'],
    ['2019/05/02', '2019-05-02'],
    ['20190502', '2019-05-02'],
    ['10/12/2019', '2019-12-10'],
    ['1/2/2020', '2020-02-01'],
    ['10-12-2019', '2019-12-10'],
    ['10.12.2019', '2019-12-10'],
    ['10/12/2019 09:23', '2019-12-10T09:23:00.000Z'],
    ['10/12/2019 9:23 p. m.', '2019-12-10T21:23:00.000Z'],
    ['10/12/2019 12:05 AM', '2019-12-10T00:05:00.000Z'],
    ['mar, 10/12/2019 - 09:23', '2019-12-10T09:23:00.000Z'],
    ['mié, 11/12/2019 - 17:40', '2019-12-11T17:40:00.000Z'],
    // The weekday decides an ambiguous order: 2 Nov 2022 was a Wednesday, 11 Feb 2022 a Friday.
    ['mié, 11/02/2022 - 10:15', '2022-11-02T10:15:00.000Z'],
    ['vie, 11/02/2022 - 10:15', '2022-02-11T10:15:00.000Z'],
    ['Wednesday, 11/02/2022', '2022-11-02'],
    // A weekday that fits neither reading leaves the region's order.
    ['lun, 11/02/2022', '2022-02-11'],
    ['10 de diciembre de 2019', '2019-12-10'],
    ['Martes, 10 de diciembre de 2019', '2019-12-10'],
    ['1 de enero del 2020', '2020-01-01'],
    ['10 dic. 2019', '2019-12-10'],
    ['10-dic-2019', '2019-12-10'],
    ['diciembre 2019', '2019-12-01'],
    ['Diciembre de 2019', '2019-12-01'],
    ['dic. 2019', '2019-12-01'],
    ['setiembre de 2020', '2020-09-01'],
    ['mar 2019', '2019-03-01'],
    ['05/2018', '2018-05-01'],
    ['December 10, 2019', '2019-12-10'],
    ['Tue, 10 Dec 2019 09:23:00 GMT', '2019-12-10T09:23:00.000Z'],
    ['12/25/2019', '2019-12-25'],
    ['1575971000000', '2019-12-10T09:43:20.000Z'],
    ['1575971000', '2019-12-10T09:43:20.000Z'],
    ['2020-02-29', '2020-02-29'],
  ];
  for (const [raw, value] of dates) {
    it(`reads "${raw}" as ${value} and keeps the raw`, () => {
      assert.deepEqual(parseDate(raw), { value, raw });
    });
  }

  const notDates = ['R/P1D', 'R/P1Y', 'P1M', '2019-02-30', '2019-13-01', '2021-02-29', '31/04/2020', '0000-00-00 00:00:00', '10/12/19',
    'garbage', 'hace 2 días', 'Invalid date', '2019-05-02T25:00:00', '2019-05-02T10:61', '99', '123', 'marzo', 'N/A', '13/13/2019'];
  for (const raw of notDates) {
    it(`leaves "${raw}" without a value and keeps the raw`, () => {
      assert.deepEqual(parseDate(raw), { raw });
    });
  }

  it('when the source gives epoch milliseconds as a number, reads them as a UTC datetime', () => {
    assert.deepEqual(parseDate(1575971000000), { value: '2019-12-10T09:43:20.000Z', raw: '1575971000000' });
  });

  it('when the source gives a year as a number, reads it as that year', () => {
    assert.deepEqual(parseDate(2018), { value: '2018-01-01', raw: '2018' });
  });

  it('when nothing is declared, gives an empty reading', () => {
    assert.deepEqual(parseDate(undefined), {});
    assert.deepEqual(parseDate(null), {});
  });

  it('when a month or year stands for the end of a period, reads its last day', () => {
    assert.equal(parseDate('2018', 'end').value, '2018-12-31');
    assert.equal(parseDate('2020-02', 'end').value, '2020-02-29');
    assert.equal(parseDate('febrero 2019', 'end').value, '2019-02-28');
  });
});

describe('parseInterval', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['2015-01-01/2019-12-31', '2015-01-01', '2019-12-31'],
    ['2015-01-01T00:00:00Z/2015-06-30T00:00:00Z', '2015-01-01T00:00:00.000Z', '2015-06-30T00:00:00.000Z'],
    ['enero 2019 a diciembre 2019', '2019-01-01', '2019-12-31'],
    ['01/01/2019 al 31/12/2019', '2019-01-01', '2019-12-31'],
    ['2015 - 2019', '2015-01-01', '2019-12-31'],
    ['2015-2019', '2015-01-01', '2019-12-31'],
    ['2019', '2019-01-01', '2019-12-31'],
    ['desde 2015', '2015-01-01', undefined],
    ['2015/..', '2015-01-01', undefined],
    ['2010 - presente', '2010-01-01', undefined],
  ];
  for (const [raw, start, end] of cases) {
    it(`reads coverage "${raw}" as ${start ?? '…'} to ${end ?? '…'}`, () => {
      const r = parseInterval(raw);
      assert.equal(r.start?.value, start);
      assert.equal(r.end?.value, end);
    });
  }

  it('when one side of a range does not read, reads neither', () => {
    assert.deepEqual(parseInterval('2015 a algún día'), {});
    assert.deepEqual(parseInterval('sin cobertura'), {});
  });
});
