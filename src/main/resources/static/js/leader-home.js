// The leader's home: open hazards by county and status, and each county's latest AQI, from the page's data attribute.
(function () {
  var hazardsEl = document.getElementById('chart-hazards');
  if (!hazardsEl || !window.echarts) { return; }
  var data = JSON.parse(hazardsEl.dataset.chart);
  // County and status names come from the database: the tooltip is HTML, so they go in as text.
  var esc = window.anhuanEscapeHtml;
  var tooltip = { trigger: 'axis', formatter: function (items) {
    return esc(items[0].name) + items.map(function (p) {
      return '<br>' + p.marker + esc(p.seriesName) + ': ' + esc(p.value === null || p.value === undefined ? '-' : p.value);
    }).join('');
  } };
  var hazards = echarts.init(hazardsEl);
  hazards.setOption({
    animation: false,
    grid: { left: 40, right: 10, top: 30, bottom: 70 },
    legend: { top: 0 },
    tooltip: tooltip,
    xAxis: { type: 'category', data: data.counties, axisLabel: { rotate: 45, interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.hazards.map(function (s) { return { name: s.name, type: 'bar', stack: 'open', data: s.data }; })
  });
  var aqiEl = document.getElementById('chart-aqi');
  var aqi = echarts.init(aqiEl);
  aqi.setOption({
    animation: false,
    grid: { left: 40, right: 10, top: 30, bottom: 70 },
    tooltip: tooltip,
    xAxis: { type: 'category', data: data.counties, axisLabel: { rotate: 45, interval: 0 } },
    yAxis: { type: 'value', name: 'AQI' },
    series: [{ name: data.aqiName, type: 'bar', data: data.aqi.map(function (p) {
      return { value: p.value, itemStyle: { color: p.color } };
    }) }]
  });
  window.addEventListener('resize', function () { hazards.resize(); aqi.resize(); });
  hazardsEl.dataset.ready = 'true';
  aqiEl.dataset.ready = 'true';
})();
